package kioskvote.slip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

import kioskvote.seal.BoxKeyPair;
import kioskvote.seal.CardText;
import kioskvote.seal.KeyShare;
import kioskvote.seal.ShareSplitter;

class SecretQrTest {
    @Test
    void aCardsCodeFromItsCharactersIsModuleForModuleTheCodeZxingMakesOfTheString() throws Exception {
        for (KeyShare share : ShareSplitter.split(BoxKeyPair.generate(new SecureRandom()), 2, 3, new SecureRandom())) {
            QRCode expected = Encoder.encode(share.code(), ErrorCorrectionLevel.M);
            QrCode drawn;
            try (CardText text = share.cardText()) {
                drawn = QrCode.encodeSecret(text);
            }
            assertEquals(expected.getVersion().getVersionNumber(), drawn.version());
            for (int y = 0; y < drawn.size(); y++) {
                for (int x = 0; x < drawn.size(); x++) assertEquals(expected.getMatrix().get(x, y) == 1, drawn.isDark(x, y), "module " + x + "," + y);
            }
        }
    }

    @Test
    void theSlipsEncoderAndTheSecretOneAgreeOnAnAlphanumericText() {
        String text = "7K2MQ-X9DA1-ABCDE-01234";
        assertEquals(QrCode.encode(text).toSvg(), QrCode.encodeSecret(new CardText(text.toCharArray())).toSvg());
    }
}
