/*
 * The service's settings for Camunda Tasklist (replaces the webapp's own scripts/config.js on
 * the classpath). The header and the browser tab name the product; the first-visit box, which
 * would load Camunda's welcome page with its "migrate to Camunda 8" banner, is off; and
 * scripts/dispute-mediation.js links the parties to their disputes and hides what the engine
 * gate refuses them.
 */
export default {
  app: {
    name: 'Dispute mediation',
    vendor: 'Marketplace'
  },
  disableWelcomeMessage: true,
  customScripts: ['scripts/dispute-mediation'],

  // Tasklist's own shortcuts, as its default configuration has them.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
