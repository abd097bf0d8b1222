/**
 * WO-14: a photo from the camera as a JPEG data URL the server accepts — scaled down so its longest
 * side is at most `maxSide` pixels and re-encoded, which keeps a phone photo far under the policy's
 * size limit and small enough to wait in the offline queue.
 */
export async function photoDataUrl(file: File, maxSide = 1600, quality = 0.8): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvas.toDataURL('image/jpeg', quality);
}
