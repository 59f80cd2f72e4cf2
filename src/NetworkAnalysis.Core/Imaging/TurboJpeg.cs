using System.Runtime.InteropServices;

namespace NetworkAnalysis.Core.Imaging;

/// <summary>Function pointers into libturbojpeg (Debian package libturbojpeg0, TurboJPEG API 2.x), loaded once on first use.</summary>
/// <remarks>
/// Loaded with <see cref="NativeLibrary"/> rather than <c>DllImport</c> so that an absent library becomes a result value
/// (<see cref="ImageErrorKind.NativeLibraryMissing"/>) instead of an exception at the call site. The environment variable
/// <see cref="PathVariable"/>, when set and not blank, names the one file (or library name) tried instead of the usual
/// names: a library outside the loader's search path, or (pointing at no library) a run without JPEG support.
/// It is read once, at the first JPEG use in the process.
/// </remarks>
internal static unsafe class TurboJpeg
{
    public const int PixelFormatRgb = 0;
    public const int Subsampling420 = 2;
    public const int FlagAccurateDct = 4096;
    public const int ErrorFatal = 1;

    /// <summary>Environment variable naming the libturbojpeg file to load instead of the usual library names.</summary>
    public const string PathVariable = "NETAN_TURBOJPEG_PATH";

    private static readonly Lazy<(Api? Api, string Missing)> Loaded = new(
        static () => LoadFor(Environment.GetEnvironmentVariable(PathVariable)), LazyThreadSafetyMode.ExecutionAndPublication);

    [StructLayout(LayoutKind.Sequential)]
    public struct ScalingFactor
    {
        public int Num;
        public int Denom;
    }

    public sealed class Api
    {
        public delegate* unmanaged<nint> InitDecompress;
        public delegate* unmanaged<nint> InitCompress;
        public delegate* unmanaged<nint, byte*, CULong, int*, int*, int*, int*, int> DecompressHeader3;
        public delegate* unmanaged<nint, byte*, CULong, byte*, int, int, int, int, int, int> Decompress2;
        public delegate* unmanaged<nint, byte*, int, int, int, int, byte**, CULong*, int, int, int, int> Compress2;
        public delegate* unmanaged<byte*, void> Free;
        public delegate* unmanaged<nint, int> Destroy;
        public delegate* unmanaged<nint, byte*> GetErrorStr2;
        public delegate* unmanaged<nint, int> GetErrorCode;
        public delegate* unmanaged<int*, ScalingFactor*> GetScalingFactors;
    }

    /// <summary>The loaded API, or null when libturbojpeg is not installed.</summary>
    public static Api? Instance => Loaded.Value.Api;

    /// <summary>Why <see cref="Instance"/> is null (the message of every <see cref="ImageErrorKind.NativeLibraryMissing"/> error).</summary>
    public static string MissingReason => Loaded.Value.Missing;

    public static string LastError(Api api, nint handle)
    {
        var text = api.GetErrorStr2(handle);
        return text is null ? "unknown libturbojpeg error" : Marshal.PtrToStringUTF8((nint)text) ?? "unknown libturbojpeg error";
    }

    /// <summary>Loads the library <paramref name="overridePath"/> names (the value of <see cref="PathVariable"/>), or the usual names when it is null or blank.</summary>
    /// <returns>The API, or null and the message errors should carry.</returns>
    internal static (Api? Api, string Missing) LoadFor(string? overridePath)
    {
        if (string.IsNullOrWhiteSpace(overridePath))
        {
            return (Load(DefaultNames()), JpegCodec.MissingLibrary);
        }

        var path = overridePath.Trim();
        return (Load([path]), $"libturbojpeg could not be loaded from {PathVariable}={path} (unset it to use the installed libturbojpeg0)");
    }

    /// <summary>The file names tried when <see cref="PathVariable"/> is not set.</summary>
    internal static string[] DefaultNames() => OperatingSystem.IsWindows() ? ["turbojpeg.dll"]
        : OperatingSystem.IsMacOS() ? ["libturbojpeg.0.dylib", "libturbojpeg.dylib"]
        : ["libturbojpeg.so.0", "libturbojpeg.so"];

    /// <summary>The API of the first of <paramref name="names"/> that loads and exports every function, or null.</summary>
    internal static Api? Load(IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (!NativeLibrary.TryLoad(name, out var lib))
            {
                continue;
            }

            try
            {
                return new Api
                {
                    InitDecompress = (delegate* unmanaged<nint>)NativeLibrary.GetExport(lib, "tjInitDecompress"),
                    InitCompress = (delegate* unmanaged<nint>)NativeLibrary.GetExport(lib, "tjInitCompress"),
                    DecompressHeader3 = (delegate* unmanaged<nint, byte*, CULong, int*, int*, int*, int*, int>)NativeLibrary.GetExport(lib, "tjDecompressHeader3"),
                    Decompress2 = (delegate* unmanaged<nint, byte*, CULong, byte*, int, int, int, int, int, int>)NativeLibrary.GetExport(lib, "tjDecompress2"),
                    Compress2 = (delegate* unmanaged<nint, byte*, int, int, int, int, byte**, CULong*, int, int, int, int>)NativeLibrary.GetExport(lib, "tjCompress2"),
                    Free = (delegate* unmanaged<byte*, void>)NativeLibrary.GetExport(lib, "tjFree"),
                    Destroy = (delegate* unmanaged<nint, int>)NativeLibrary.GetExport(lib, "tjDestroy"),
                    GetErrorStr2 = (delegate* unmanaged<nint, byte*>)NativeLibrary.GetExport(lib, "tjGetErrorStr2"),
                    GetErrorCode = (delegate* unmanaged<nint, int>)NativeLibrary.GetExport(lib, "tjGetErrorCode"),
                    GetScalingFactors = (delegate* unmanaged<int*, ScalingFactor*>)NativeLibrary.GetExport(lib, "tjGetScalingFactors"),
                };
            }
            catch (EntryPointNotFoundException)
            {
                NativeLibrary.Free(lib);
            }
        }

        return null;
    }
}
