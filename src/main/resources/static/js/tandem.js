// Sends Spring Security's CSRF token with every htmx request. A static file because the
// Content-Security-Policy allows no inline script.
(function () {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (!token || !header) {
    return;
  }
  document.body.addEventListener('htmx:configRequest', function (event) {
    event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
  });
})();
