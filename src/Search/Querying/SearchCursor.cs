using System.Globalization;
using System.Text;

namespace Jobs.Search.Querying;

/// <summary>
/// Where the previous page ended, for deep paging without offsets: the sort, its key and the id of the last hit.
/// Opaque to clients (base64url); a cursor from another sort or a tampered one is rejected, never misread.
/// </summary>
public sealed record SearchCursor(string Sort, double Key, long Id)
{
    public string Encode()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"v1|{Sort}|{Key:R}|{Id}");
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static SearchCursor? TryDecode(string? cursor)
    {
        if (string.IsNullOrWhiteSpace(cursor) || cursor.Length > 200)
        {
            return null;
        }

        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('|');
            if (parts.Length == 4 && parts[0] == "v1"
                && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var key) && double.IsFinite(key)
                && long.TryParse(parts[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
            {
                return new SearchCursor(parts[1], key, id);
            }
        }
        catch (FormatException)
        {
        }

        return null;
    }
}
