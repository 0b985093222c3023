package kioskvote.slip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class QrPhotoReaderTest {
    @Test
    void aPhotoOfASlipIsReadBack() throws Exception {
        String url = "HTTP://10.0.0.5:7070/V/" + "1".repeat(198);
        QrCode qr = QrCode.encode(url);
        int scale = 8;
        int side = (qr.size() + 8) * scale;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int mx = x / scale - 4;
                int my = y / scale - 4;
                boolean dark = mx >= 0 && my >= 0 && mx < qr.size() && my < qr.size() && qr.isDark(mx, my);
                image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
            }
        }
        assertEquals(Optional.of(url), QrPhotoReader.read(png(image)));
    }

    @Test
    void aSmallFileClaimingAHugeImageIsRefusedBeforeItsPixelsAreDecoded() throws Exception {
        byte[] bytes = png(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB));
        // IHDR data starts at byte 16: width and height, then its CRC over type + data at byte 29.
        ByteBuffer.wrap(bytes, 16, 8).putInt(20_000).putInt(20_000);
        CRC32 crc = new CRC32();
        crc.update(bytes, 12, 17);
        ByteBuffer.wrap(bytes, 29, 4).putInt((int) crc.getValue());
        assertTrue(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> QrPhotoReader.read(bytes)).isEmpty());
    }

    @Test
    void somethingThatIsNoImageReadsAsNoCode() {
        assertTrue(QrPhotoReader.read("not an image".getBytes()).isEmpty());
    }

    private static byte[] png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
