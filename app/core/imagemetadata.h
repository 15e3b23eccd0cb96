#pragma once

#include "core/result.h"

#include <QByteArray>

namespace Wardline::Core {

/// Removes what a photo says besides its pixels before any console sees it: EXIF (GPS position,
/// camera, time), XMP, IPTC and comments. JPEG: APP1 and APP13 segments and COM go, the EXIF
/// orientation is kept as a minimal EXIF block so the photo still shows upright; PNG: eXIf,
/// tEXt, zTXt, iTXt and tIME chunks go. Pixels are never decoded or re-encoded.
namespace ImageMetadata {

/// The stripped image, or why it could not be read (then it must not be shown as is).
[[nodiscard]] Result<QByteArray> strip(const QByteArray &image, const QByteArray &mimeType);

/// The EXIF orientation (1-8) of a JPEG, 1 when it has none.
[[nodiscard]] int jpegOrientation(const QByteArray &jpeg);

} // namespace ImageMetadata
} // namespace Wardline::Core
