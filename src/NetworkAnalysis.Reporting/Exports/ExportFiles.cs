using System.Text;

namespace NetworkAnalysis.Reporting.Exports;

/// <summary>Creates export files: UTF-8, LF line ends, parent folder created.</summary>
internal static class ExportFiles
{
    public static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static string Text(string directory, string name, Action<TextWriter> write, bool bom = false)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        using var writer = new StreamWriter(stream, bom ? new UTF8Encoding(true) : Utf8NoBom) { NewLine = "\n" };
        write(writer);
        return path;
    }

    public static string Binary(string directory, string name, Action<Stream> write)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        write(stream);
        return path;
    }
}
