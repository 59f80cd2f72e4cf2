using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using NetworkAnalysis.Core.Generation.Images;
using NetworkAnalysis.Core.Imaging;
using SkiaSharp;

namespace NetworkAnalysis.Benchmarks;

/// <summary>SkiaSharp 4.156.1 against our decoders (libturbojpeg P/Invoke for JPEG, managed PNG): same pHash? how fast?</summary>
/// <remarks>
/// Run: <c>dotnet run -c Release --project tests/NetworkAnalysis.Benchmarks -- imaging [photos] [rounds]</c>. Synthetic
/// photos (the corpus generator's) are encoded once as JPEG (libturbojpeg, quality 90) and PNG (our encoder), then
/// decoded by both sides. JPEG is compared at the DCT scale our hasher uses (short side ≥ 128) and at full size.
/// Stopwatch totals over all photos and rounds, single thread; the machine is shared, so the load average is printed.
/// </remarks>
internal static class ImagingConsole
{
    public static int Run(string[] args)
    {
        var photos = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        if (!ImageCodec.JpegAvailable)
        {
            Console.Error.WriteLine("libturbojpeg is not installed: " + ImageCodec.JpegUnavailableReason);
            return 1;
        }

        var jpegs = new List<byte[]>();
        var pngs = new List<byte[]>();
        for (var i = 0; i < photos; i++)
        {
            var image = SyntheticPhoto.Render(1000 + i);
            using var j = new MemoryStream();
            ImageCodec.Encode(image, ImageFormat.Jpeg, j, 90).ShouldBeNullOrThrow();
            jpegs.Add(j.ToArray());
            using var p = new MemoryStream();
            ImageCodec.Encode(image, ImageFormat.Png, p).ShouldBeNullOrThrow();
            pngs.Add(p.ToArray());
        }

        Console.WriteLine($"{photos} synthetic photos {SyntheticPhoto.DefaultWidth}x{SyntheticPhoto.DefaultHeight}, {rounds} rounds, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        foreach (var scaled in new[] { true, false })
        {
            var options = scaled ? ImageDecodeOptions.Default : ImageDecodeOptions.Default with { JpegMinShortSide = 0 };
            int samePHash = 0, sameDHash = 0, samePixels = 0, maxDistance = 0;
            foreach (var jpeg in jpegs)
            {
                var ours = ImageCodec.Decode(jpeg, options).Image!;
                var skia = SkiaDecode(jpeg, scaled ? ours.Width : 0);
                var (p1, d1) = ImageHasher.Perceptual(ours);
                var (p2, d2) = ImageHasher.Perceptual(skia);
                samePHash += p1 == p2 ? 1 : 0;
                sameDHash += d1 == d2 ? 1 : 0;
                samePixels += ours.Width == skia.Width && ours.Pixels.AsSpan().SequenceEqual(skia.Pixels) ? 1 : 0;
                maxDistance = Math.Max(maxDistance, BitOperations.PopCount(p1 ^ p2));
            }

            Console.WriteLine($"JPEG {(scaled ? "DCT-scaled (hash path)" : "full size")}: identical pixels {samePixels}/{photos}, identical pHash {samePHash}/{photos}, dHash {sameDHash}/{photos}, max pHash distance {maxDistance} bits");
            Time($"JPEG decode {(scaled ? "scaled" : "full")}  libturbojpeg", jpegs, rounds, b => ImageCodec.Decode(b, options).Image!.Width);
            var widths = new Dictionary<byte[], int>(ReferenceEqualityComparer.Instance);
            foreach (var b in jpegs)
            {
                widths[b] = scaled ? ImageCodec.Decode(b, options).Image!.Width : 0;
            }

            Time($"JPEG decode {(scaled ? "scaled" : "full")}  SkiaSharp   ", jpegs, rounds, b => SkiaDecode(b, widths[b]).Width);
        }

        var pngSame = pngs.Count(b => ImageCodec.Decode(b).Image!.Pixels.AsSpan().SequenceEqual(SkiaDecode(b, 0).Pixels));
        Console.WriteLine($"PNG: identical pixels managed vs SkiaSharp {pngSame}/{photos}");
        foreach (var reference in new[] { "imagehash.png", "peppers.png" }.Select(n => Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/testdata/imagehash-python", n)).Where(File.Exists))
        {
            var bytes = File.ReadAllBytes(reference);
            var ours = ImageHasher.Perceptual(ImageCodec.Decode(bytes).Image!);
            var skia = ImageHasher.Perceptual(SkiaDecode(bytes, 0));
            Console.WriteLine($"{Path.GetFileName(reference)} (imagehash reference): pHash managed {ours.PHash:x16}, SkiaSharp {skia.PHash:x16}; dHash {ours.DHash:x16} / {skia.DHash:x16}");
        }

        Time("PNG decode managed   ", pngs, rounds, b => ImageCodec.Decode(b).Image!.Width);
        Time("PNG decode SkiaSharp ", pngs, rounds, b => SkiaDecode(b, 0).Width);
        return 0;
    }

    /// <summary>Decodes with SKCodec to RGB; <paramref name="width"/> &gt; 0 asks for the codec's scaled size of that width.</summary>
    private static RgbImage SkiaDecode(byte[] bytes, int width)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data) ?? throw new InvalidOperationException("SkiaSharp cannot read it");
        var size = codec.Info.Size;
        if (width > 0 && width != size.Width)
        {
            size = codec.GetScaledDimensions((float)width / size.Width);
        }

        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgba = new byte[info.BytesSize];
        unsafe
        {
            fixed (byte* p = rgba)
            {
                var result = codec.GetPixels(info, (nint)p);
                if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
                {
                    throw new InvalidOperationException("SkiaSharp: " + result);
                }
            }
        }

        var rgb = new byte[size.Width * size.Height * 3];
        for (int i = 0, o = 0; i < rgba.Length; i += 4, o += 3)
        {
            rgb[o] = rgba[i];
            rgb[o + 1] = rgba[i + 1];
            rgb[o + 2] = rgba[i + 2];
        }

        return new RgbImage(size.Width, size.Height, rgb);
    }

    private static void Time(string what, List<byte[]> files, int rounds, Func<byte[], int> decode)
    {
        var check = 0;
        foreach (var f in files.Take(5))
        {
            check += decode(f);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++)
        {
            foreach (var f in files)
            {
                check += decode(f);
            }
        }

        var n = files.Count * rounds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        Console.WriteLine($"{what}: {sw.Elapsed.TotalMilliseconds / n,7:F3} ms/image wall, {cpuMs / n,7:F3} ms/image CPU ({n} decodes, checksum {check})");
    }

    private static void ShouldBeNullOrThrow(this ImageError? error)
    {
        if (error is not null)
        {
            throw new InvalidOperationException(error.Message);
        }
    }
}
