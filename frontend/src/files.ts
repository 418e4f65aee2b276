/** The file's bytes in base64, without the data URL's prefix. */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const dataUrl = String(reader.result);
      resolve(dataUrl.slice(dataUrl.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** The file a form's file input holds, or null when none was chosen. */
export function chosenFile(values: FormData, name: string): File | null {
  const file = values.get(name);
  return file instanceof File && file.name ? file : null;
}

const kinds: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook',
  'application/msword': 'Word 97-2003 document',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument spreadsheet',
};

/** What a stored file is and how big, as NHS.UK links to documents say it: "PDF, 24 KB". */
export function describeFile(contentType: string, sizeBytes: number): string {
  const kind = kinds[contentType] ?? 'file';
  if (sizeBytes < 1024) return `${kind}, ${sizeBytes} bytes`;
  if (sizeBytes < 1024 * 1024) return `${kind}, ${Math.round(sizeBytes / 1024)} KB`;
  return `${kind}, ${(sizeBytes / (1024 * 1024)).toFixed(1)} MB`;
}
