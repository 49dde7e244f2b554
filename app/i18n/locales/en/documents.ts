// Documents attached to cases, activities and agreements: the list, the upload and the download.
export const documents = {
  title: "Documents",
  none: "No documents are attached.",
  uploadTitle: "Attach a document",
  file: "File",
  fileHint:
    "A PDF, an image (PNG, JPEG, GIF or WebP) or an office file (Word, Excel, PowerPoint or OpenDocument), 10 MB at most.",
  documentTitle: "Title",
  upload: "Upload and attach",
  detach: "Remove",
  kilobytes: "{{size}} KB",
  megabytes: "{{size}} MB",
  uploaded: "The document was attached.",
  detached: "The document was removed.",
  missingFile: "Choose a file to upload.",
  empty: "The file is empty.",
  tooLarge: "This file is too large: {{limit}} at most.",
  typeRefused:
    "This kind of file is not accepted. Upload a PDF, a PNG, JPEG, GIF or WebP image, or a Word, Excel, PowerPoint or OpenDocument file.",
  titleTooLong: "The title may have at most {{max}} characters.",
  recordGone: "The record this document was to be attached to no longer exists.",
  notAttached: "This document is not attached to this record.",
};
