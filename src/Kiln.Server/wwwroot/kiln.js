// Calls Kiln's own API from the page with the signed-in session's cookie (no API key), for the "try it" form.
window.kiln = {
    post: async function (url, body) {
        const response = await fetch(url, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
            body: body
        });
        return { status: response.status, body: await response.text() };
    },
    // Sends the files picked in the input as multipart/form-data, each under the field name "file", as curl -F does.
    postFiles: async function (url, inputId) {
        const input = document.getElementById(inputId);
        if (!input || input.files.length === 0) {
            return { status: 0, body: '' };
        }
        const form = new FormData();
        for (const file of input.files) {
            form.append('file', file, file.name);
        }
        const response = await fetch(url, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Accept': 'application/json' },
            body: form
        });
        return { status: response.status, body: await response.text() };
    }
};
