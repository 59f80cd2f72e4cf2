using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace NetworkAnalysis.Core.Risk;

/// <summary>Parses and validates the YAML indicator file.</summary>
internal static class IndicatorFileParser
{
    public static IndicatorSetLoadResult Parse(ReadOnlySpan<byte> bytes, string sha256)
    {
        IndicatorFileDto? dto;
        try
        {
            var text = Encoding.UTF8.GetString(bytes);
            var deserializer = new DeserializerBuilder()
                .WithNamingConvention(UnderscoredNamingConvention.Instance)
                .Build();
            dto = deserializer.Deserialize<IndicatorFileDto?>(text);
        }
        catch (YamlException e)
        {
            return Fail($"indicator file is not valid YAML (line {e.Start.Line}, column {e.Start.Column}): {Inner(e)}");
        }

        if (dto is null)
        {
            return Fail("indicator file is empty");
        }

        var errors = new List<string>();
        if (dto.Version != 1)
        {
            errors.Add($"unsupported indicator file version {dto.Version} (expected 1)");
        }

        var caveat = (dto.Caveat ?? "").Trim();
        if (caveat.Length == 0)
        {
            errors.Add("the 'caveat' is missing: every output must carry the triage caveat");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<IndicatorDefinition>();
        foreach (var (entry, index) in (dto.Indicators ?? []).Select((e, i) => (e, i)))
        {
            var where = $"indicator #{index + 1}" + (string.IsNullOrWhiteSpace(entry.Id) ? "" : $" '{entry.Id}'");
            if (string.IsNullOrWhiteSpace(entry.Id))
            {
                errors.Add($"{where}: 'id' is missing");
                continue;
            }

            if (!ids.Add(entry.Id))
            {
                errors.Add($"{where}: duplicate id");
            }

            var kind = entry.Kind ?? entry.Id;
            if (!IndicatorKinds.All.Contains(kind, StringComparer.Ordinal))
            {
                errors.Add($"{where}: unknown kind '{kind}' (known: {string.Join(", ", IndicatorKinds.All)})");
            }

            if (string.IsNullOrWhiteSpace(entry.Source))
            {
                errors.Add($"{where}: 'source' is missing (cite a paper or list, or say \"our own\")");
            }

            if (!double.IsFinite(entry.Weight) || entry.Weight < 0)
            {
                errors.Add($"{where}: 'weight' must be a finite number >= 0");
            }

            var words = (entry.Words ?? []).Select(w => (w ?? "").Trim()).Where(w => w.Length > 0).ToList();
            if (kind == IndicatorKinds.Phrases && words.Count == 0)
            {
                errors.Add($"{where}: a 'phrases' indicator needs a non-empty 'words' list");
            }

            var parameters = new SortedDictionary<string, double>(entry.Params ?? [], StringComparer.Ordinal);
            foreach (var (name, value) in parameters)
            {
                if (!double.IsFinite(value))
                {
                    errors.Add($"{where}: parameter '{name}' must be a finite number");
                }
            }

            list.Add(new IndicatorDefinition(
                entry.Id.Trim(),
                kind,
                string.IsNullOrWhiteSpace(entry.Name) ? entry.Id : entry.Name.Trim(),
                (entry.Description ?? "").Trim(),
                (entry.Source ?? "").Trim(),
                entry.Weight,
                parameters,
                words)
            {
                Caution = string.IsNullOrWhiteSpace(entry.Caution) ? null : entry.Caution.Trim(),
            });
        }

        if (list.Count == 0 && errors.Count == 0)
        {
            errors.Add("the indicator file defines no indicators");
        }
        else if (errors.Count == 0 && list.Sum(i => i.Weight) <= 0)
        {
            errors.Add("all indicator weights are 0");
        }

        return errors.Count > 0
            ? new IndicatorSetLoadResult(null, errors)
            : new IndicatorSetLoadResult(new IndicatorSet(list, caveat, sha256), []);
    }

    private static IndicatorSetLoadResult Fail(string error) => new(null, [error]);

    private static string Inner(Exception e) => e.InnerException is { } inner ? inner.Message : e.Message;

    internal sealed class IndicatorFileDto
    {
        public int Version { get; set; }

        public string? Caveat { get; set; }

        public List<IndicatorDto>? Indicators { get; set; }
    }

    internal sealed class IndicatorDto
    {
        public string Id { get; set; } = "";

        public string? Kind { get; set; }

        public string? Name { get; set; }

        public string? Description { get; set; }

        public string? Source { get; set; }

        public double Weight { get; set; }

        public string? Caution { get; set; }

        public Dictionary<string, double>? Params { get; set; }

        public List<string?>? Words { get; set; }
    }
}
