using System.Text;
using NetworkAnalysis.Reporting.Text;

namespace NetworkAnalysis.Reporting.Charts;

/// <summary>A tiny SVG writer: every text and attribute value passes through <see cref="Markup.Escape"/>.</summary>
internal sealed class SvgDocument
{
    private readonly StringBuilder _sb = new();

    public SvgDocument(double width, double height, string title)
    {
        Width = width;
        Height = height;
        _sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(Num.F(width))
            .Append("\" height=\"").Append(Num.F(height))
            .Append("\" viewBox=\"0 0 ").Append(Num.F(width)).Append(' ').Append(Num.F(height))
            .Append("\" role=\"img\" font-family=\"DejaVu Sans, Arial, sans-serif\">");
        _sb.Append("<title>").Append(Markup.Escape(title)).Append("</title>");
        _sb.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    }

    public double Width { get; }

    public double Height { get; }

    public SvgDocument Rect(double x, double y, double w, double h, string fill, string? extra = null)
    {
        _sb.Append("<rect x=\"").Append(Num.F(x)).Append("\" y=\"").Append(Num.F(y))
            .Append("\" width=\"").Append(Num.F(Math.Max(0, w))).Append("\" height=\"").Append(Num.F(Math.Max(0, h)))
            .Append("\" fill=\"").Append(Markup.Escape(fill)).Append('"');
        return Close(extra);
    }

    public SvgDocument Circle(double cx, double cy, double r, string fill, string? extra = null)
    {
        _sb.Append("<circle cx=\"").Append(Num.F(cx)).Append("\" cy=\"").Append(Num.F(cy))
            .Append("\" r=\"").Append(Num.F(r)).Append("\" fill=\"").Append(Markup.Escape(fill)).Append('"');
        return Close(extra);
    }

    public SvgDocument Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? extra = null)
    {
        _sb.Append("<line x1=\"").Append(Num.F(x1)).Append("\" y1=\"").Append(Num.F(y1))
            .Append("\" x2=\"").Append(Num.F(x2)).Append("\" y2=\"").Append(Num.F(y2))
            .Append("\" stroke=\"").Append(Markup.Escape(stroke)).Append("\" stroke-width=\"").Append(Num.F(width)).Append('"');
        return Close(extra);
    }

    public SvgDocument Path(string d, string stroke, double width, string fill = "none", string? extra = null)
    {
        _sb.Append("<path d=\"").Append(Markup.Escape(d)).Append("\" stroke=\"").Append(Markup.Escape(stroke))
            .Append("\" stroke-width=\"").Append(Num.F(width)).Append("\" fill=\"").Append(Markup.Escape(fill)).Append('"');
        return Close(extra);
    }

    /// <summary>Writes text; <paramref name="anchor"/> is start, middle or end.</summary>
    public SvgDocument Text(double x, double y, string? text, double size = 11, string anchor = "start", string fill = "#222222", string? extra = null)
    {
        _sb.Append("<text x=\"").Append(Num.F(x)).Append("\" y=\"").Append(Num.F(y))
            .Append("\" font-size=\"").Append(Num.F(size)).Append("\" text-anchor=\"").Append(Markup.Escape(anchor))
            .Append("\" fill=\"").Append(Markup.Escape(fill)).Append('"');
        if (extra is not null)
        {
            _sb.Append(' ').Append(extra);
        }

        _sb.Append('>').Append(Markup.Escape(text)).Append("</text>");
        return this;
    }

    /// <summary>Adds a tooltip to the next shapes by opening a group with a title.</summary>
    public SvgDocument BeginGroup(string? tooltip = null, string? extra = null)
    {
        _sb.Append("<g");
        if (extra is not null)
        {
            _sb.Append(' ').Append(extra);
        }

        _sb.Append('>');
        if (tooltip is not null)
        {
            _sb.Append("<title>").Append(Markup.Escape(tooltip)).Append("</title>");
        }

        return this;
    }

    public SvgDocument EndGroup()
    {
        _sb.Append("</g>");
        return this;
    }

    public override string ToString() => _sb.ToString() + "</svg>";

    private SvgDocument Close(string? extra)
    {
        // extra holds only attributes built by our own code from constants and numbers, never input text.
        if (extra is not null)
        {
            _sb.Append(' ').Append(extra);
        }

        _sb.Append("/>");
        return this;
    }
}
