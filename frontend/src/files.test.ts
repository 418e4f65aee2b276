import { describe, expect, it } from 'vitest';
import { chosenFile, describeFile, readAsBase64 } from './files';

describe('describeFile', () => {
  it('names the kind of document and its size', () => {
    expect(describeFile('application/pdf', 600)).toBe('PDF, 600 bytes');
    expect(describeFile('application/pdf', 24_700)).toBe('PDF, 24 KB');
    expect(
      describeFile('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 3_250_000),
    ).toBe('Word document, 3.1 MB');
    expect(describeFile('text/plain', 10)).toBe('file, 10 bytes');
  });
});

describe('reading a chosen file', () => {
  it('gives the bytes in base64 without the data URL prefix', async () => {
    expect(await readAsBase64(new Blob(['%PDF-1.4'], { type: 'application/pdf' }))).toBe(btoa('%PDF-1.4'));
  });

  it('finds no file when none was chosen', () => {
    const values = new FormData();
    values.set('file', new File([], ''));
    expect(chosenFile(values, 'file')).toBeNull();
    values.set('file', new File(['x'], 'agreement.pdf'));
    expect(chosenFile(values, 'file')?.name).toBe('agreement.pdf');
  });
});
