using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using NetworkAnalysis.Reporting.Tests.Support;
using NetworkAnalysis.Reporting.Text;

namespace NetworkAnalysis.Reporting.Tests.Text;

public sealed class MarkupTests
{
    [Theory]
    [InlineData(Hostile.Script)]
    [InlineData(Hostile.ImgOnError)]
    [InlineData(Hostile.AttributeBreak)]
    [InlineData(Hostile.SvgOnLoad)]
    public void Escape_MarkupPayload_HasNoAngleBracketsOrQuotes(string payload)
    {
        // When
        var escaped = Markup.Escape(payload);

        // Then
        escaped.ShouldNotContain("<");
        escaped.ShouldNotContain(">");
        escaped.ShouldNotContain("\"");
        escaped.ShouldNotContain("'");
    }

    [Fact]
    public void Escape_AnyString_RoundTripsThroughAnXmlParserAsText()
    {
        // Given any string, once escaped inside an attribute and an element, an XML parser reads back the same text
        // less the characters XML cannot carry.
        Prop.ForAll<string>(s =>
        {
            var input = s ?? "";
            var xml = $"<r a=\"{Markup.Escape(input)}\">{Markup.Escape(input)}</r>";
            var doc = XElement.Parse(xml, LoadOptions.PreserveWhitespace);
            var expected = Markup.StripInvalidXmlChars(input).Replace("\r\n", "\n").Replace('\r', '\n');
            return doc.Value.Replace("\r\n", "\n").Replace('\r', '\n') == expected && !doc.Elements().Any();
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Escape_ControlCharsAndLoneSurrogate_AreDropped()
    {
        // Given
        var input = "a\u0001b\uD800c\uFFFEd\U0001F600e";

        // When
        var escaped = Markup.Escape(input);

        // Then the emoji pair survives, the rest is removed
        escaped.ShouldBe("abcd\U0001F600e");
    }
}
