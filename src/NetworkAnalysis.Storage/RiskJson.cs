using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetworkAnalysis.Storage;

/// <summary>The JSON form of stored risk contributions (snake_case, entity types by name).</summary>
internal static class RiskJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
