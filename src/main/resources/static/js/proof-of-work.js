/*
 * Proof of work for the comment form (ALTCHA, SHA-256). Once the visitor starts on the form, fetches
 * a fresh challenge of their own (the article page itself is the same for everyone and may be cached),
 * finds in the background the number whose hash the server asked for and puts the signed answer in
 * the hidden field "proof". Nothing to click or read: keyboard and screen reader users do nothing extra. If the
 * visitor sends the form first, sending waits for the answer (a second or two) and says so in the
 * form's status region. Without this script (or without Web Crypto) the form is sent without the
 * answer and the comment goes to the moderators: nobody is refused.
 */
(function () {
  'use strict';
  var form = document.querySelector('form[data-pow-url]');
  if (!form || !window.crypto || !window.crypto.subtle || !window.TextEncoder || !window.Promise || !window.fetch) {
    return;
  }
  var field = form.querySelector('input[name="proof"]');
  var status = form.querySelector('.pow-status');
  var encoder = new TextEncoder();
  var solving = null;

  function hex(buffer) {
    var bytes = new Uint8Array(buffer);
    var out = '';
    for (var i = 0; i < bytes.length; i++) {
      out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    }
    return out;
  }

  /** Hashes a batch of candidates at once (Web Crypto works in parallel), then the next batch. */
  function attempt(task, start) {
    if (start > task.maxNumber) {
      return Promise.resolve(null);
    }
    var end = Math.min(task.maxNumber, start + 499);
    var hashes = [];
    for (var n = start; n <= end; n++) {
      hashes.push(window.crypto.subtle.digest('SHA-256', encoder.encode(task.salt + n)));
    }
    return Promise.all(hashes).then(function (results) {
      for (var i = 0; i < results.length; i++) {
        if (hex(results[i]) === task.challenge) {
          return start + i;
        }
      }
      return attempt(task, end + 1);
    });
  }

  function solve() {
    if (!solving) {
      solving = window.fetch(form.dataset.powUrl, { credentials: 'same-origin', cache: 'no-store' })
        .then(function (response) {
          if (!response.ok) {
            throw new Error('challenge ' + response.status);
          }
          return response.json();
        })
        .then(function (task) {
          return attempt(task, 0).then(function (number) {
            if (number !== null) {
              field.value = btoa(JSON.stringify({
                algorithm: task.algorithm,
                challenge: task.challenge,
                number: number,
                salt: task.salt,
                signature: task.signature
              }));
            }
          });
        }).catch(function () {
        // The comment then goes to the moderators like one sent without JavaScript.
      });
    }
    return solving;
  }

  form.addEventListener('focusin', solve, { once: true });
  form.addEventListener('submit', function (event) {
    if (field.value) {
      return;
    }
    event.preventDefault();
    if (status) {
      status.textContent = status.getAttribute('data-waiting');
    }
    solve().then(function () {
      form.submit();
    });
  });
})();
