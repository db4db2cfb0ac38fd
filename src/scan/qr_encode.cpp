#include "scan/qr_encode.hpp"

#include <BitMatrix.h>
#include <MultiFormatWriter.h>

#include <exception>

namespace pekon {

Result<QrMatrix> encodeQr(const std::string& text) {
    try {
        ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
        writer.setMargin(4).setEccLevel(2);
        const ZXing::BitMatrix bits = writer.encode(text, 0, 0);
        QrMatrix qr;
        qr.size = bits.width();
        qr.modules.resize(static_cast<size_t>(qr.size * qr.size));
        for (int y = 0; y < qr.size; ++y) {
            for (int x = 0; x < qr.size; ++x)
                qr.modules[static_cast<size_t>(y * qr.size + x)] = bits.get(x, y);
        }
        return qr;
    } catch (const std::exception&) {
        // ZXing reports oversize content by throwing; it stops here.
        return Error{"qr_encode_failed", "Kode QR tidak bisa dibuat.",
                     "The QR code could not be made."};
    }
}

}  // namespace pekon
