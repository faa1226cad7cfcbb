using Kiln.Data;
using System.Globalization;
using System.Net;
using System.Text;

namespace Kiln.Plots;

/// <summary>
/// Builds one self-contained HTML page — headings, paragraphs, key–value lists, tables, inline SVG charts and
/// callouts — with its styles inline and no external links or scripts, so it opens anywhere and can be mailed
/// as one file. All text is HTML-escaped. Methods return the report so calls chain.
/// </summary>
public sealed class HtmlReport
{
    readonly StringBuilder _body = new();
    int _chartCount;

    public HtmlReport(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        Title = title;
    }

    public string Title { get; }

    /// <summary>A section heading; level 1 to 3 (the page title is written as the first level-1 heading).</summary>
    public HtmlReport Heading(string text, int level = 2)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (level is < 1 or > 3)
            throw new ArgumentOutOfRangeException(nameof(level), level, "heading level must be 1, 2 or 3");
        _body.Append(CultureInfo.InvariantCulture, $"<h{level}>{Escape(text)}</h{level}>\n");
        return this;
    }

    public HtmlReport Paragraph(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _body.Append("<p>").Append(Escape(text)).Append("</p>\n");
        return this;
    }

    public HtmlReport KeyValues(params (string Key, string Value)[] pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        _body.Append("<dl class=\"facts\">\n");
        foreach (var (key, value) in pairs)
            _body.Append("<dt>").Append(Escape(key)).Append("</dt><dd>").Append(Escape(value)).Append("</dd>\n");
        _body.Append("</dl>\n");
        return this;
    }

    public HtmlReport KeyValues(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return KeyValues(pairs.Select(pair => (pair.Key, pair.Value)).ToArray());
    }

    /// <summary>A table with a header row; a column whose filled cells are all numbers is right-aligned so digits line up.</summary>
    public HtmlReport Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var body = rows.ToList();
        for (var i = 0; i < body.Count; i++)
        {
            if (body[i] is null || body[i].Count != header.Count)
                throw new ArgumentException(
                    $"table row {i} has {body[i]?.Count ?? 0} cells but the header has {header.Count}", nameof(rows));
        }
        var numeric = new bool[header.Count];
        for (var column = 0; column < header.Count; column++)
        {
            var filled = body.Select(row => row[column]).Where(cell => !string.IsNullOrWhiteSpace(cell)).ToList();
            numeric[column] = filled.Count > 0 && filled.All(IsNumber);
        }

        _body.Append("<div class=\"table\"><table>\n");
        if (!string.IsNullOrEmpty(caption))
            _body.Append("<caption>").Append(Escape(caption)).Append("</caption>\n");
        _body.Append("<thead><tr>");
        for (var column = 0; column < header.Count; column++)
            _body.Append(numeric[column] ? "<th class=\"num\">" : "<th>").Append(Escape(header[column])).Append("</th>");
        _body.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in body)
        {
            _body.Append("<tr>");
            for (var column = 0; column < header.Count; column++)
                _body.Append(numeric[column] ? "<td class=\"num\">" : "<td>").Append(Escape(row[column])).Append("</td>");
            _body.Append("</tr>\n");
        }
        _body.Append("</tbody></table></div>\n");
        return this;
    }

    /// <summary>A chart drawn inline as SVG at the figure's own size (it shrinks to fit narrow screens).</summary>
    public HtmlReport Chart(Figure figure, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return Chart(figure, figure.Width, figure.Height, caption);
    }

    public HtmlReport Chart(Figure figure, int width, int height, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var svg = SvgMarkup.ForInlineUse(figure.ToSvg(width, height), $"chart{++_chartCount}-");
        _body.Append("<figure>\n").Append(svg).Append('\n');
        if (!string.IsNullOrEmpty(caption))
            _body.Append("<figcaption>").Append(Escape(caption)).Append("</figcaption>\n");
        _body.Append("</figure>\n");
        return this;
    }

    /// <summary>A highlighted remark the reader should not miss.</summary>
    public HtmlReport Note(string text) => Callout("note", "Note", text);

    /// <summary>A highlighted problem: suspicious data, a failed check, a risky setting.</summary>
    public HtmlReport Warning(string text) => Callout("warning", "Warning", text);

    public string ToHtml()
    {
        var page = new StringBuilder(_body.Length + Stylesheet.Length + 512);
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Escape(Title)).Append("</title>\n")
            .Append("<style>").Append(Stylesheet).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(Escape(Title)).Append("</h1>\n")
            .Append(_body)
            .Append("</main>\n</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>Writes the page as UTF-8 through a temporary file, so a reader never sees half a report.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToHtml());

    HtmlReport Callout(string kind, string heading, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _body.Append(CultureInfo.InvariantCulture, $"<div class=\"callout {kind}\"><strong>{heading}.</strong> {Escape(text)}</div>\n");
        return this;
    }

    static string Escape(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    static bool IsNumber(string cell)
    {
        var trimmed = cell.Trim();
        if (trimmed.EndsWith('%'))
            trimmed = trimmed[..^1];
        return double.TryParse(trimmed, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _);
    }

    const string Stylesheet = """
        :root { color-scheme: light; }
        body { margin: 0; background: #fafafa; color: #1f2328;
          font: 16px/1.55 "DejaVu Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1100px; margin: 0 auto; padding: 2rem 1.5rem 4rem; background: #fff; }
        h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 1.2rem; padding-bottom: .4rem; border-bottom: 2px solid #e1e4e8; }
        h2 { font-size: 1.4rem; margin: 2.2rem 0 .8rem; }
        h3 { font-size: 1.15rem; margin: 1.6rem 0 .6rem; }
        p { margin: .6rem 0; max-width: 70ch; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.5rem; margin: .8rem 0; }
        dl.facts dt { color: #57606a; }
        dl.facts dd { margin: 0; font-variant-numeric: tabular-nums; }
        div.table { overflow-x: auto; margin: 1rem 0; }
        table { border-collapse: collapse; font-size: .92rem; font-variant-numeric: tabular-nums; }
        caption { caption-side: top; text-align: left; color: #57606a; padding-bottom: .4rem; }
        th, td { padding: .35rem .8rem; border-bottom: 1px solid #e1e4e8; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid #d0d7de; background: #f6f8fa; font-weight: 600; }
        tbody tr:nth-child(even) { background: #fbfcfd; }
        .num { text-align: right; white-space: nowrap; }
        figure { margin: 1.4rem 0; }
        figure svg { max-width: 100%; height: auto; display: block; }
        figcaption { color: #57606a; font-size: .9rem; margin-top: .4rem; }
        .callout { margin: 1rem 0; padding: .7rem 1rem; border-left: 4px solid; border-radius: 4px; max-width: 70ch; }
        .callout.note { background: #eef6ff; border-color: #2f81f7; }
        .callout.warning { background: #fff8e6; border-color: #d4a72c; }
        """;
}
