using System.Runtime.InteropServices;

namespace NetworkAnalysis.Core.Imaging;

/// <summary>Function pointers into libturbojpeg (Debian package libturbojpeg0, TurboJPEG API 2.x), loaded once on first use.</summary>
/// <remarks>
/// Loaded with <see cref="NativeLibrary"/> rather than <c>DllImport</c> so that an absent library becomes a result value
/// (<see cref="ImageErrorKind.NativeLibraryMissing"/>) instead of an exception at the call site.
/// </remarks>
internal static unsafe class TurboJpeg
{
    public const int PixelFormatRgb = 0;
    public const int Subsampling420 = 2;
    public const int FlagAccurateDct = 4096;
    public const int ErrorFatal = 1;

    private static readonly Lazy<Api?> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

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
    public static Api? Instance => Loaded.Value;

    public static string LastError(Api api, nint handle)
    {
        var text = api.GetErrorStr2(handle);
        return text is null ? "unknown libturbojpeg error" : Marshal.PtrToStringUTF8((nint)text) ?? "unknown libturbojpeg error";
    }

    private static Api? Load()
    {
        string[] names = OperatingSystem.IsWindows() ? ["turbojpeg.dll"]
            : OperatingSystem.IsMacOS() ? ["libturbojpeg.0.dylib", "libturbojpeg.dylib"]
            : ["libturbojpeg.so.0", "libturbojpeg.so"];
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
