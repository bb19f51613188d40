// The door's check-in page: typing always works without this file. Where the browser can read QR codes itself
// (BarcodeDetector) and has a camera, a "扫码" button opens the camera; a read ticket fills the input and submits the form.
(function () {
  'use strict';

  var form = document.getElementById('check-in-form');
  var input = document.getElementById('ticket');
  var start = document.getElementById('scan-start');
  var scanner = document.getElementById('scanner');
  var video = document.getElementById('scanner-video');
  var status = document.getElementById('scanner-status');
  var stop = document.getElementById('scan-stop');
  if (!form || !input || !start || !scanner || !video || !stop) {
    return;
  }

  // Ready for the next ticket, also when the browser kept an old value or ignored autofocus after the answer.
  input.value = '';
  input.focus();

  // Says on the form what this browser offers ("typing" or "camera"), for support staff and the tests.
  form.setAttribute('data-scanner', 'typing');
  if (!('BarcodeDetector' in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return;
  }

  var detector = null;
  var stream = null;
  var running = false;
  // A scanned ticket submits the form and the page comes back with the answer; the camera then reopens by itself, so a
  // queue can be scanned one after another, until someone closes it.
  var keepScanning = 'jobs.check-in.scanning';
  var lastCode = 'jobs.check-in.last';
  // The ticket just scanned is usually still in front of the camera when it reopens; it is read again only after this.
  var sameCodeHoldOffMs = 5000;
  // A few reads a second find a held-up ticket at once and leave a phone's processor cool.
  var scanEveryMs = 150;

  function justScanned(code) {
    try {
      var last = JSON.parse(window.sessionStorage.getItem(lastCode) || 'null');
      return !!last && last.code === code && Date.now() - last.at < sameCodeHoldOffMs;
    } catch (e) {
      return false;
    }
  }

  function rememberCode(code) {
    try {
      window.sessionStorage.setItem(lastCode, JSON.stringify({ code: code, at: Date.now() }));
    } catch (e) { /* storage refused: no hold-off */ }
  }

  function remember(on) {
    try {
      if (on) {
        window.sessionStorage.setItem(keepScanning, '1');
      } else {
        window.sessionStorage.removeItem(keepScanning);
      }
    } catch (e) { /* storage refused: the camera simply does not reopen */ }
  }

  function remembered() {
    try {
      return window.sessionStorage.getItem(keepScanning) === '1';
    } catch (e) {
      return false;
    }
  }

  function hasCamera() {
    if (!navigator.mediaDevices.enumerateDevices) {
      return Promise.resolve(true);
    }
    return navigator.mediaDevices.enumerateDevices()
      .then(function (devices) { return devices.some(function (d) { return d.kind === 'videoinput'; }); })
      .catch(function () { return false; });
  }

  function close() {
    running = false;
    if (stream) {
      stream.getTracks().forEach(function (t) { t.stop(); });
      stream = null;
    }
    video.srcObject = null;
    scanner.hidden = true;
    start.hidden = false;
    input.focus();
  }

  function scan() {
    if (!running) {
      return;
    }
    detector.detect(video).then(function (codes) {
      var code = codes.length > 0 ? String(codes[0].rawValue || '').trim() : '';
      if (code && running && !justScanned(code)) {
        // The ticket QR holds the ticket code itself (see TicketImage); the server normalises case and dashes.
        input.value = code;
        close();
        remember(true);
        rememberCode(code);
        if (form.requestSubmit) {
          form.requestSubmit();
        } else {
          form.submit();
        }
        return;
      }
      window.setTimeout(scan, scanEveryMs);
    }).catch(function () {
      window.setTimeout(scan, scanEveryMs);
    });
  }

  function open() {
    start.hidden = true;
    scanner.hidden = false;
    status.textContent = '正在打开摄像头…';
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(function (s) {
        stream = s;
        video.srcObject = s;
        return video.play();
      })
      .then(function () {
        status.textContent = '请将门票二维码对准摄像头';
        running = true;
        scan();
      })
      .catch(function () {
        remember(false);
        close();
        status.textContent = '';
        start.hidden = true;
        input.setAttribute('placeholder', '无法使用摄像头，请输入票号');
      });
  }

  Promise.resolve(window.BarcodeDetector.getSupportedFormats ? window.BarcodeDetector.getSupportedFormats() : ['qr_code'])
    .then(function (formats) {
      if (formats.indexOf('qr_code') < 0) {
        return false;
      }
      detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      return hasCamera();
    })
    .then(function (ok) {
      if (ok) {
        form.setAttribute('data-scanner', 'camera');
        start.hidden = false;
        start.addEventListener('click', open);
        stop.addEventListener('click', function () {
          remember(false);
          close();
        });
        if (remembered()) {
          open();
        }
      }
    })
    .catch(function () { /* no scanning: typing works */ });
})();
