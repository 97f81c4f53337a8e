// Reader portal: copy a citation to the clipboard and say so to screen readers.
document.addEventListener('click', function (event) {
	var button = event.target.closest('button[data-copy]');
	if (!button) {
		return;
	}
	var source = document.getElementById(button.getAttribute('data-copy'));
	var status = document.getElementById('copy-status');
	var text = source.textContent;
	var done = function () {
		button.setAttribute('data-done', 'true');
		if (status) {
			status.textContent = button.getAttribute('data-copied');
		}
	};
	if (navigator.clipboard && window.isSecureContext) {
		navigator.clipboard.writeText(text).then(done, function () { fallback(source, done); });
	}
	else {
		fallback(source, done);
	}
});

// plain HTTP has no clipboard API: select the text and copy it the old way
function fallback(source, done) {
	var range = document.createRange();
	range.selectNodeContents(source);
	var selection = window.getSelection();
	selection.removeAllRanges();
	selection.addRange(range);
	try {
		document.execCommand('copy');
	}
	catch (e) {
		// the text stays selected for Ctrl+C
	}
	done();
}
