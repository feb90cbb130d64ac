/*
 * The service's settings for Camunda Admin (replaces the webapp's own scripts/config.js on the
 * classpath). The header and the browser tab name the product; the first-visit box, which
 * would load Camunda's welcome page with its "migrate to Camunda 8" banner, is off.
 */
export default {
  app: {
    name: 'Admin',
    vendor: 'Dispute mediation'
  },
  disableWelcomeMessage: true
};
