package kioskvote.slip;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import com.google.zxing.common.BitArray;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * A QR code (level M, one alphanumeric segment) of a text that must not become a {@link String}: a key card's
 * code (docs/security.md, "Memory"). zxing's public encoder takes only a String, which the station could not
 * wipe; its steps take a CharSequence, so they are called here in the order {@code Encoder.encode} calls them
 * for alphanumeric text. They are package-private in zxing, hence the reflection; SecretQrTest checks that the
 * result is the module-for-module same code as {@code Encoder.encode} gives. Only bits, never the text, are kept.
 */
final class SecretQr {
    private static final ErrorCorrectionLevel LEVEL = ErrorCorrectionLevel.M;

    private SecretQr() {
    }

    static QrCode encode(CharSequence text) {
        try {
            BitArray header = new BitArray();
            call(Encoder.class, "appendModeInfo", new Class<?>[] {Mode.class, BitArray.class}, Mode.ALPHANUMERIC, header);
            BitArray data = new BitArray();
            call(Encoder.class, "appendAlphanumericBytes", new Class<?>[] {CharSequence.class, BitArray.class}, text, data);
            Version version = (Version) call(Encoder.class, "recommendVersion",
                    new Class<?>[] {ErrorCorrectionLevel.class, Mode.class, BitArray.class, BitArray.class}, LEVEL, Mode.ALPHANUMERIC, header, data);
            BitArray bits = new BitArray();
            bits.appendBitArray(header);
            call(Encoder.class, "appendLengthInfo", new Class<?>[] {int.class, Version.class, Mode.class, BitArray.class},
                    text.length(), version, Mode.ALPHANUMERIC, bits);
            bits.appendBitArray(data);
            Version.ECBlocks blocks = version.getECBlocksForLevel(LEVEL);
            int dataBytes = version.getTotalCodewords() - blocks.getTotalECCodewords();
            call(Encoder.class, "terminateBits", new Class<?>[] {int.class, BitArray.class}, dataBytes, bits);
            BitArray coded = (BitArray) call(Encoder.class, "interleaveWithECBytes", new Class<?>[] {BitArray.class, int.class, int.class, int.class},
                    bits, version.getTotalCodewords(), dataBytes, blocks.getNumBlocks());
            int side = version.getDimensionForVersion();
            ByteMatrix matrix = new ByteMatrix(side, side);
            int mask = (int) call(Encoder.class, "chooseMaskPattern",
                    new Class<?>[] {BitArray.class, ErrorCorrectionLevel.class, Version.class, ByteMatrix.class}, coded, LEVEL, version, matrix);
            call(Class.forName("com.google.zxing.qrcode.encoder.MatrixUtil"), "buildMatrix",
                    new Class<?>[] {BitArray.class, ErrorCorrectionLevel.class, Version.class, int.class, ByteMatrix.class}, coded, LEVEL, version, mask, matrix);
            data.clear();
            bits.clear();
            return QrCode.of(matrix, version.getVersionNumber());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the pinned zxing no longer has the encoder's steps (pom.xml)", e);
        }
    }

    private static Object call(Class<?> owner, String name, Class<?>[] types, Object... args) throws ReflectiveOperationException {
        Method method = owner.getDeclaredMethod(name, types);
        method.setAccessible(true);
        try {
            return method.invoke(null, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }
}
