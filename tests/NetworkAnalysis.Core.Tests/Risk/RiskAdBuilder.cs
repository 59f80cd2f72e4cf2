using System.Globalization;
using System.Text;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Risk;

namespace NetworkAnalysis.Core.Tests.Risk;

/// <summary>Builds a <see cref="RiskAd"/> by appending text pieces; identifier and attribute spans are recorded as they are appended.</summary>
internal sealed class RiskAdBuilder(string key)
{
    private static readonly DateTimeOffset Epoch = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly StringBuilder _text = new();
    private readonly List<RiskEntityMention> _entities = [];
    private readonly List<AttributeMention> _attributes = [];
    private DateTimeOffset? _postedAt;
    private string? _city;
    private decimal? _price;
    private int? _age;
    private string? _template;

    public RiskAdBuilder Say(string text)
    {
        _text.Append(text);
        return this;
    }

    public RiskAdBuilder Phone(string e164, string? raw = null, bool hub = false) =>
        Entity(EntityType.Phone, e164, raw ?? e164, hub);

    public RiskAdBuilder Entity(EntityType type, string value, string? raw = null, bool hub = false)
    {
        var start = _text.Length;
        _text.Append(raw ?? value);
        _entities.Add(new RiskEntityMention(type, value, start, _text.Length) { Raw = raw ?? value, IsHub = hub });
        return this;
    }

    public RiskAdBuilder Image(string hash)
    {
        _entities.Add(new RiskEntityMention(EntityType.Image, hash, 0, 0));
        return this;
    }

    public RiskAdBuilder Name(string name) => Attribute(AttributeKind.Name, name, name);

    public RiskAdBuilder StatedAge(int age) => Attribute(AttributeKind.Age, age.ToString(CultureInfo.InvariantCulture), age.ToString(CultureInfo.InvariantCulture));

    public RiskAdBuilder StatedPrice(decimal price) => Attribute(AttributeKind.Price, price.ToString(CultureInfo.InvariantCulture), "$" + price.ToString(CultureInfo.InvariantCulture));

    public RiskAdBuilder At(double hoursAfterEpoch)
    {
        _postedAt = Epoch.AddHours(hoursAfterEpoch);
        return this;
    }

    public RiskAdBuilder In(string city)
    {
        _city = city;
        return this;
    }

    public RiskAdBuilder ListingPrice(decimal price)
    {
        _price = price;
        return this;
    }

    public RiskAdBuilder ListingAge(int age)
    {
        _age = age;
        return this;
    }

    public RiskAdBuilder Template(string id)
    {
        _template = id;
        return this;
    }

    public RiskAd Build() => new()
    {
        Key = key,
        Text = _text.ToString(),
        PostedAt = _postedAt,
        City = _city,
        Price = _price,
        Age = _age,
        Entities = _entities.ToList(),
        Attributes = _attributes.ToList(),
        TemplateId = _template,
    };

    private RiskAdBuilder Attribute(AttributeKind kind, string value, string raw)
    {
        var start = _text.Length;
        _text.Append(raw);
        _attributes.Add(new AttributeMention(kind, value, raw, start, _text.Length));
        if (kind == AttributeKind.Price && _price is null)
        {
            _price = decimal.Parse(value, CultureInfo.InvariantCulture);
        }

        return this;
    }
}
