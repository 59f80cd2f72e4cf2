namespace NetworkAnalysis.Cli.Commands;

/// <summary>Formats <c>netan generate --format</c> writes besides ads.jsonl.</summary>
internal enum CorpusFormat
{
    Jsonl,
    Html,
    Warc,
    Cdr,
    Xlsx,
}
