using NetworkAnalysis.Core.Extraction.Phones;

namespace NetworkAnalysis.Core.Generation;

/// <summary>Hands out phone numbers from ranges reserved for fiction, never a real subscriber's.</summary>
/// <remarks>
/// NANP: NXX-555-0100..0199 under every area code in service (about 40,000 numbers);
/// UK: 07700 900000..900999. Numbers are dealt in a seeded shuffled order; when a pool runs out it
/// starts again, so corpora beyond the pool's size share numbers by accident (documented in data/README.md).
/// </remarks>
internal sealed class FictionalNumbers
{
    /// <summary>Area codes valid in libphonenumber 9.0.43 but not in the metadata the generator was first built on.</summary>
    private static readonly HashSet<int> LaterAreaCodes = [273, 472];

    private readonly int[] _nanp;
    private readonly int[] _uk;
    private int _nextNanp;
    private int _nextUk;

    public FictionalNumbers(Random random)
    {
        var codes = new List<int>();
        for (var code = 201; code <= 989; code++)
        {
            var mid = code / 10 % 10;
            // Only area codes in service per libphonenumber: a 555-01xx number under an unassigned area code is not
            // a valid number, and the extractor rightly refuses it. Area codes that entered service after the corpora
            // were first generated stay out, so the same seed deals the same numbers as before the library switch.
            if (code % 100 == 11 || mid == 9 || LaterAreaCodes.Contains(code) || !NumberingPlan.Default.IsValid("1", $"{code}5550100"))
            {
                continue;
            }

            codes.Add(code);
        }

        _nanp = new int[codes.Count * 100];
        for (var i = 0; i < codes.Count; i++)
        {
            for (var line = 0; line < 100; line++)
            {
                _nanp[i * 100 + line] = codes[i] * 1000 + 100 + line;
            }
        }

        random.Shuffle(_nanp);
        _uk = Enumerable.Range(0, 1000).ToArray();
        random.Shuffle(_uk);
    }

    /// <summary>Next US number as 10 national digits.</summary>
    public string NextUs()
    {
        var packed = _nanp[_nextNanp++ % _nanp.Length];
        var area = packed / 1000;
        var line = packed % 1000;
        return $"{area:D3}555{line:D4}";
    }

    /// <summary>Next UK mobile as 11 national digits (07700 900xxx).</summary>
    public string NextUk() => $"07700900{_uk[_nextUk++ % _uk.Length]:D3}";
}
