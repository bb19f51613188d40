using QRCoder;

namespace Jobs.Core.Fairs;

/// <summary>A ticket drawn as the QR code scanned at the door; the API's image endpoint and the ticket page draw it the same way.</summary>
public static class TicketImage
{
    public static byte[] Png(string ticket)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(ticket, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8);
    }
}
