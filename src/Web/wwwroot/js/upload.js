// Feed upload with a progress bar. Without this script the form posts as usual and the browser shows the run's report when
// the server answers; with it the file goes up by XMLHttpRequest, whose upload events drive the <progress> element, and
// the page then opens the address the server redirected to (the report, or the form with the reason it was refused).
(function () {
    "use strict";

    var messages = {
        tooLarge: "文件超过上传上限，请拆分后再上传。",
        rateLimited: "上传过于频繁，请稍候再试。",
        expired: "表单已过期，请刷新页面后重新上传。",
        failed: "上传失败，请检查网络后重试。",
        uploading: "正在上传：",
        importing: "文件已上传，正在导入，请稍候……"
    };

    function enhance(form) {
        var progressBox = form.querySelector(".upload-progress");
        var progress = form.querySelector("progress");
        var status = form.querySelector(".upload-status");
        var button = form.querySelector("button[type=submit]");
        var fileInput = form.querySelector("input[type=file]");
        var maxBytes = Number(form.getAttribute("data-max-bytes")) || 0;

        function say(text) {
            status.textContent = text;
        }

        function done() {
            button.disabled = false;
            form.removeAttribute("aria-busy");
        }

        form.addEventListener("submit", function (event) {
            var file = fileInput.files && fileInput.files[0];
            if (!file) {
                return; // the browser's own "required" message, or the server's
            }

            event.preventDefault();
            if (maxBytes > 0 && file.size > maxBytes) {
                say(messages.tooLarge);
                return;
            }

            var request = new XMLHttpRequest();
            request.open("POST", form.action);
            request.upload.addEventListener("progress", function (e) {
                if (e.lengthComputable) {
                    var percent = Math.round(e.loaded / e.total * 100);
                    progress.value = percent;
                    say(percent < 100 ? messages.uploading + percent + "%" : messages.importing);
                }
            });
            request.addEventListener("load", function () {
                if (request.status >= 200 && request.status < 300 && request.responseURL) {
                    window.location.assign(request.responseURL);
                    return;
                }

                done();
                say(request.status === 413 ? messages.tooLarge
                    : request.status === 429 ? messages.rateLimited
                    : request.status === 400 ? messages.expired
                    : messages.failed);
            });
            request.addEventListener("error", function () {
                done();
                say(messages.failed);
            });

            button.disabled = true;
            form.setAttribute("aria-busy", "true");
            progress.value = 0;
            progressBox.hidden = false;
            say(messages.uploading + "0%");
            request.send(new FormData(form));
        });
    }

    var forms = document.querySelectorAll("form[data-upload]");
    for (var i = 0; i < forms.length; i++) {
        enhance(forms[i]);
    }
})();
