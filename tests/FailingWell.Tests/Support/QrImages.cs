using System.Buffers.Binary;
using System.IO.Compression;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace FailingWell.Tests.Support;

/// <summary>Reads a QR code back from a PNG the way a phone camera would (ZXing.Net), so a test can assert the exact link.</summary>
public static class QrImages
{
    public static string Decode(string pngDataUri)
    {
        ArgumentNullException.ThrowIfNull(pngDataUri);
        const string prefix = "data:image/png;base64,";
        Assert.StartsWith(prefix, pngDataUri, StringComparison.Ordinal);
        var (gray, width, height) = ReadPng(Convert.FromBase64String(pngDataUri[prefix.Length..]));
        var source = new RGBLuminanceSource(gray, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        // A rendered code is pixel-perfect: read it as a pure barcode first, then as a photo would be.
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = true })
            ?? new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true });
        Assert.NotNull(result);
        return result.Text;
    }

    /// <summary>A small PNG reader: grey, palette, RGB or RGBA, any filter, no interlace; out comes one grey byte a pixel.</summary>
    private static (byte[] Gray, int Width, int Height) ReadPng(byte[] png)
    {
        int width = 0, height = 0, depth = 0, colour = 0;
        byte[] palette = [];
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    depth = data[8];
                    colour = data[9];
                    Assert.Equal(0, data[12]); // not interlaced
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }

            at += 12 + length;
        }

        var channels = colour switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => throw new InvalidDataException($"PNG colour type {colour}") };
        var bitsPerPixel = channels * depth;
        var stride = ((width * bitsPerPixel) + 7) / 8;
        var step = Math.Max(1, bitsPerPixel / 8);
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            z.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var previous = new byte[stride];
        var gray = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var line = raw.AsSpan((y * (stride + 1)) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int a = i >= step ? line[i - step] : 0, b = previous[i], c = i >= step ? previous[i - step] : 0;
                line[i] = (byte)(line[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG filter {filter}"),
                });
            }

            for (var x = 0; x < width; x++)
            {
                gray[(y * width) + x] = Pixel(line, x);
            }

            previous = line;
        }

        return (gray, width, height);

        byte Pixel(byte[] line, int x)
        {
            if (depth < 8)
            {
                var perByte = 8 / depth;
                var value = (line[x / perByte] >> (8 - (depth * ((x % perByte) + 1)))) & ((1 << depth) - 1);
                return colour == 3 ? Luma(palette, value * 3) : (byte)(value * 255 / ((1 << depth) - 1));
            }

            var o = x * channels;
            return colour switch
            {
                0 or 4 => line[o],
                3 => Luma(palette, line[o] * 3),
                _ => (byte)((line[o] * 299 + line[o + 1] * 587 + line[o + 2] * 114) / 1000),
            };
        }
    }

    private static byte Luma(byte[] palette, int i) => (byte)((palette[i] * 299 + palette[i + 1] * 587 + palette[i + 2] * 114) / 1000);

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
