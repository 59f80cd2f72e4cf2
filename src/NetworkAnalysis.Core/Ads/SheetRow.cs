namespace NetworkAnalysis.Core.Ads;

/// <summary>One row of a spreadsheet: its cells by column (empty string for an empty cell), or why the sheet cannot be read.</summary>
/// <param name="Line">1-based row number in the sheet.</param>
/// <param name="Cells">The cells, or null with <paramref name="Error"/>.</param>
/// <param name="Error">What is wrong (the workbook, not one row): reading stops after it.</param>
internal readonly record struct SheetRow(int Line, string[]? Cells, string? Error);
