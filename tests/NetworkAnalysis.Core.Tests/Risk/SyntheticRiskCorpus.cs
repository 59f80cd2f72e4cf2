using System.Globalization;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Risk;

namespace NetworkAnalysis.Core.Tests.Risk;

/// <summary>
/// A tiny seeded generator of labelled clusters for risk tests: rings (one controller, several phones and
/// personas, moving between cities) and independent posters (one phone, one persona, one city). It plants
/// the same cues the indicators look for, so scores on it show the scorer works, not that the cues are valid.
/// </summary>
internal static class SyntheticRiskCorpus
{
    private static readonly string[] Cities = ["Houston", "Dallas", "Atlanta", "Chicago", "Denver", "Miami", "Seattle", "Phoenix"];
    private static readonly string[] Names = ["Mia", "Ava", "Luna", "Zoe", "Ruby", "Nora", "Ivy", "Cleo", "Jade", "Skye"];

    public static (RiskInput Input, HashSet<string> Rings) Build(int seed, int rings, int independents)
    {
        var random = new Random(seed);
        var clusters = new List<RiskCluster>();
        var ringIds = new HashSet<string>(StringComparer.Ordinal);
        var phone = 0;
        for (var r = 0; r < rings; r++)
        {
            var id = $"R{r:D4}";
            ringIds.Add(id);
            var phones = Enumerable.Range(0, random.Next(2, 5)).Select(_ => Phone(phone++)).ToArray();
            var cashtag = $"$ring{r}";
            var ads = new List<RiskAd>();
            var count = random.Next(4, 12);
            var start = random.Next(0, 24 * 60);
            for (var a = 0; a < count; a++)
            {
                var b = new RiskAdBuilder($"site/{id}-{a}")
                    .At(start + (a * random.Next(4, 30)))
                    .In(Cities[(r + (a / 2)) % Cities.Length])
                    .Say(random.Next(3) == 0 ? "New in town! " : "Sweet and fun. ")
                    .Say("Ask for ").Name(Names[random.Next(Names.Length)])
                    .Say(", ").StatedAge(random.Next(18, 26))
                    .Say(random.Next(2) == 0 ? ". My girls are waiting. " : ". Hotel incall. ")
                    .Say("Call ").Phone(phones[a % phones.Length])
                    .Say(" pay ").Entity(EntityType.Cashtag, cashtag)
                    .Say(" only ").StatedPrice(random.Next(60, 140));
                ads.Add(b.Build());
            }

            clusters.Add(new RiskCluster(id, ads));
        }

        for (var i = 0; i < independents; i++)
        {
            var id = $"I{i:D4}";
            var p = Phone(phone++);
            var name = Names[random.Next(Names.Length)];
            var age = random.Next(21, 40);
            var city = Cities[random.Next(Cities.Length)];
            var ads = new List<RiskAd>();
            var count = random.Next(1, 4);
            var start = random.Next(0, 24 * 60);
            for (var a = 0; a < count; a++)
            {
                var b = new RiskAdBuilder($"site/{id}-{a}")
                    .At(start + (a * random.Next(72, 400)))
                    .In(city)
                    .Say(random.Next(8) == 0 ? "New in town. " : "Independent and discreet. ")
                    .Say("I am ").Name(name).Say(", ").StatedAge(age)
                    .Say(". Text me at ").Phone(p)
                    .Say(" rate ").StatedPrice(random.Next(150, 300));
                ads.Add(b.Build());
            }

            clusters.Add(new RiskCluster(id, ads));
        }

        return (new RiskInput(clusters), ringIds);
    }

    private static readonly int[] AreaCodes = [201, 202, 203, 205, 206, 207, 208, 209, 210, 212, 213, 214, 215, 216, 217, 218, 219, 224, 225, 228, 229, 231, 234, 239, 240, 248, 251, 252, 253, 254, 256, 260, 262, 267, 269, 270];

    /// <summary>Fictional NANP numbers: 555-0100..0199 in valid area codes.</summary>
    private static string Phone(int n) =>
        "+1" + AreaCodes[n / 100 % AreaCodes.Length].ToString(CultureInfo.InvariantCulture) + "55501" + (n % 100).ToString("D2", CultureInfo.InvariantCulture);
}
