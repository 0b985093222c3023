package kioskvote.slip;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * Reads the QR code on a photo of a slip (a kiosk tablet's camera, uploaded as JPEG or PNG). javax.imageio
 * reads the image; zxing core decodes it from an ARGB pixel array (its RGBLuminanceSource), so zxing's
 * javase module is not needed. A camera photo is scaled down first: the QR of a slip still has several
 * pixels per module at 1600 px, and decoding 12 megapixels would take seconds on the station's laptop.
 */
public final class QrPhotoReader {
    public static final int MAX_SIDE = 1600;

    private QrPhotoReader() {
    }

    /** The text of the QR code in the image, or empty if the file is no image or holds no readable code. */
    public static Optional<String> read(byte[] imageBytes) {
        BufferedImage image;
        try {
            image = readBounded(imageBytes);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (image == null) return Optional.empty();
        for (BufferedImage candidate : List.of(scaled(image, MAX_SIDE), scaled(image, 800))) {
            Optional<String> text = decode(candidate);
            if (text.isPresent()) return text;
        }
        return Optional.empty();
    }

    /** A camera photo is at most a few tens of megapixels; a larger claim is refused before any pixel is decoded. */
    static final long MAX_PIXELS = 50_000_000L;

    /**
     * Reads the image subsampled to about {@link #MAX_SIDE}, so that a small file claiming a huge image
     * (20,000 x 20,000 pixels compress to a megabyte) costs neither a gigabyte of heap nor the station's CPU.
     */
    private static BufferedImage readBounded(byte[] imageBytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(imageBytes))) {
            if (in == null) return null;
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return null;
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) return null;
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / MAX_SIDE);
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }

    private static Optional<String> decode(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        LuminanceSource source = new RGBLuminanceSource(width, height, pixels);
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        try {
            return Optional.of(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (ReaderException e) {
            return Optional.empty();
        }
    }

    private static BufferedImage scaled(BufferedImage image, int maxSide) {
        int side = Math.max(image.getWidth(), image.getHeight());
        if (side <= maxSide) return image;
        double factor = (double) maxSide / side;
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }
}
