// Sends the file picked in an import page's file input to the upload endpoint as the request body (not through the
// page's connection), telling the page how far it got.
export function listen(input, page) {
  input.addEventListener('change', () => {
    const file = input.files[0];
    if (!file) {
      return;
    }

    const request = new XMLHttpRequest();
    request.open('POST', 'import/uploads?name=' + encodeURIComponent(file.name));
    request.setRequestHeader('X-Studio-Upload', '1');
    let told = 0;
    request.upload.onprogress = e => {
      if (Date.now() - told > 250) {
        told = Date.now();
        page.invokeMethodAsync('UploadProgress', e.loaded, e.total);
      }
    };
    request.onload = () => page.invokeMethodAsync('UploadDone', request.status, request.responseText);
    request.onerror = () => page.invokeMethodAsync('UploadDone', 0, '');
    page.invokeMethodAsync('UploadStarted', file.name, file.size);
    request.send(file);
    input.value = '';
  });
  input.dataset.listening = 'true';
}
