namespace NetworkAnalysis.Reporting.Html;

/// <summary>The inline stylesheet of the referral case file (no external fonts or resources).</summary>
internal static class HtmlStyles
{
    public const string Css = """
        :root { --ink:#1d2433; --muted:#5c6370; --rule:#dde1e6; --accent:#1c3d8c; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", Arial, sans-serif, "Noto Color Emoji"; color: var(--ink); margin: 0; background: #fff; font-size: 13px; line-height: 1.45; }
        main { max-width: 980px; margin: 0 auto; padding: 24px 28px 48px; }
        header.banner { background: var(--accent); color: #fff; padding: 14px 28px; }
        header.banner h1 { margin: 0; font-size: 21px; }
        header.banner .sub { opacity: .85; font-size: 12px; }
        .confidential { display: inline-block; border: 1px solid #fff; padding: 1px 8px; font-size: 11px; letter-spacing: .08em; margin-top: 6px; }
        h2 { font-size: 16px; border-bottom: 2px solid var(--accent); padding-bottom: 3px; margin-top: 30px; color: var(--accent); }
        section { page-break-inside: auto; }
        .figures { display: flex; flex-wrap: wrap; gap: 10px; }
        .figure { background: #f1f3f5; border-radius: 6px; padding: 8px 14px; min-width: 130px; }
        .figure b { display: block; font-size: 20px; color: var(--accent); }
        .figure span { color: var(--muted); font-size: 11px; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0; }
        th, td { border-bottom: 1px solid var(--rule); padding: 4px 6px; text-align: left; vertical-align: top; }
        th { background: #f8f9fa; font-size: 12px; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        code, .mono { font-family: "DejaVu Sans Mono", monospace; font-size: 12px; word-break: break-all; }
        .chart svg { max-width: 100%; height: auto; border: 1px solid var(--rule); border-radius: 4px; }
        .ad { border: 1px solid var(--rule); border-radius: 6px; padding: 8px 12px; margin: 10px 0; page-break-inside: avoid; }
        .ad .meta { color: var(--muted); font-size: 11px; }
        .ad pre { white-space: pre-wrap; word-wrap: break-word; font-family: inherit; margin: 6px 0; }
        mark { background: #ffe8a3; padding: 0 2px; border-radius: 2px; }
        mark.hub { background: #e9ecef; }
        .keycap { display: inline-block; min-width: 1.1em; padding: 0 2px; border: 1px solid #868e96; border-radius: 3px; font-size: .9em; line-height: 1.1; text-align: center; }
        .photos { display: flex; gap: 8px; flex-wrap: wrap; }
        .photos figure { margin: 0; width: 140px; font-size: 10px; color: var(--muted); }
        .photos img { width: 140px; height: 140px; object-fit: cover; border-radius: 4px; }
        .photos .frame { overflow: hidden; border-radius: 4px; background: #ced4da; width: 140px; height: 140px; }
        .placeholder { display: flex; align-items: center; justify-content: center; width: 140px; height: 140px; background: #e9ecef; color: var(--muted); border-radius: 4px; }
        .evidence { margin: 2px 0 0 18px; padding: 0; color: var(--muted); }
        .note { color: var(--muted); font-size: 12px; }
        .notes { white-space: pre-wrap; background: #f8f9fa; padding: 8px 12px; border-left: 3px solid var(--accent); }
        @page { size: A4; margin: 14mm; }
        @media print { header.banner { -webkit-print-color-adjust: exact; print-color-adjust: exact; } h2 { page-break-after: avoid; } }
        """;
}
