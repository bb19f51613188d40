using System.Globalization;
using Jobs.Core.Common;
using Jobs.Core.Fairs;

namespace Jobs.Web.Organiser;

/// <summary>
/// Form text to the values the fair services take. Inputs are bound as strings so a typo comes back with the value kept
/// and a message beside the field, rather than being dropped by the binder.
/// </summary>
public static class FormValues
{
    public static int? Number(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, "请填写整数");
        return null;
    }

    /// <summary>A datetime-local value ("2027-03-20T09:00"), read in the member cities' zone.</summary>
    public static DateTimeOffset? LocalDateTime(string? text, string field, FairService fairs, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTime.TryParseExact(text.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            && local.Year is >= FairRules.MinYear and <= FairRules.MaxYear)
        {
            return fairs.LocalTime(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
        }

        errors.Add(field, "时间格式应为 年-月-日 时:分，如 2027-03-20 09:00");
        return null;
    }

    /// <summary>The value a datetime-local input shows for a stored UTC time.</summary>
    public static string LocalInput(DateTime utc, Jobs.Web.Shared.LocalTime time) =>
        time.ToLocal(utc).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
