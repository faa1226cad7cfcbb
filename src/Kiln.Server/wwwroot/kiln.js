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
    }
};
