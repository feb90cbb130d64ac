// Draws the BPMN file named in the query string at scale 1 with the top left corner of the box
// the query string gives at the top left of the page, so that a screenshot of a window the box's
// size is the whole diagram.
(function () {
  const params = new URLSearchParams(location.search);
  const x = Number(params.get('x'));
  const y = Number(params.get('y'));
  const viewer = new BpmnJS({ container: '#canvas' });

  function fail(message) {
    document.body.textContent = 'render failed: ' + message;
  }

  // fetch() refuses file: URLs; XMLHttpRequest reads them when Chromium allows file access.
  const request = new XMLHttpRequest();
  request.open('GET', params.get('diagram'));
  request.onload = () => {
    viewer.importXML(request.responseText)
      .then(() => {
        // Headless Chromium grows the page to the window size only for the screenshot, so the
        // scale must not depend on the page height measured now.
        const canvas = viewer.get('canvas');
        const size = canvas.getSize();
        canvas.viewbox({ x, y, width: size.width, height: size.height });
      })
      .catch((err) => fail(err.message));
  };
  request.onerror = () => fail('cannot read ' + params.get('diagram'));
  request.send();
})();
