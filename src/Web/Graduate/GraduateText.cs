namespace Jobs.Web.Graduate;

/// <summary>Small text helpers for the graduate pages: lists typed into one box, numbers typed as text.</summary>
internal static class GraduateText
{
    private static readonly char[] Separators = [',', '，', '、', ';', '；', '\n', '\r'];

    /// <summary>"Java、Spring Boot，MySQL" → three items; empty pieces dropped so a trailing comma is no error.</summary>
    public static List<string> Items(string? text) =>
        (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static string Join(IEnumerable<string> items) => string.Join("、", items);

    /// <summary>Null for an empty box; false when the text is not a whole number, so the page can say so instead of dropping it.</summary>
    public static bool TryNumber(string? text, out int? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            value = n;
            return true;
        }

        return false;
    }

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
