using System.Globalization;
using Jobs.Core.Common;

namespace Jobs.Core.Fairs;

public static class FairRules
{
    public const int TitleMaxLength = 100;
    public const int VenueMaxLength = 200;
    public const int DescriptionMaxLength = 5_000;
    public const int MaxThemes = 10;
    public const int ThemeMaxLength = 20;
    public const int MaxBooths = 2_000;
    public const int MaxAttendees = 100_000;
    public const int TeamNameMaxLength = 100;
    public const int ProjectSummaryMaxLength = 2_000;
    public const int MaxTeamSize = 5;
    public const int MemberNameMaxLength = 50;

    /// <summary>Dates outside these years are typos; rejecting them also keeps date arithmetic clear of overflow.</summary>
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>
    /// A season's date as organisers type it (yyyy-MM-dd), for the API and the planning page alike; empty is null, and a
    /// bad or out-of-range date adds its reason under <paramref name="field"/>.
    /// </summary>
    public static DateOnly? ParseDate(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (date.Year is >= MinYear and <= MaxYear)
            {
                return date;
            }

            errors.Add(field, $"日期应在 {MinYear} 年到 {MaxYear} 年之间");
            return null;
        }

        errors.Add(field, "日期格式应为 yyyy-MM-dd，如 2027-03-20");
        return null;
    }

    /// <summary>A fair lasts at most this long; a longer span is almost certainly a typo in a date.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(7);

    /// <summary>A registration window takes registrations while the fair is open and the clock is inside the window.</summary>
    public static bool WindowIsOpen(FairState state, DateTime opensAt, DateTime closesAt, DateTime utcNow) =>
        state == FairState.Open && opensAt <= utcNow && utcNow < closesAt;

    /// <summary>
    /// Windows a fair gets when its organisers give none: registration opens a month ahead (or now), employers close a week
    /// before so booths can be allocated, graduates when the doors open. A fair planned at short notice gets the latest employer
    /// close that still leaves the window open for a while.
    /// </summary>
    public static (DateTime Opens, DateTime EmployerCloses, DateTime AttendeeCloses) DefaultWindows(DateTime startsAt, DateTime utcNow)
    {
        var opens = startsAt.AddDays(-30) > utcNow ? startsAt.AddDays(-30) : utcNow;
        var employerCloses = new[] { startsAt.AddDays(-7), startsAt.AddDays(-1), startsAt.AddHours(-1), startsAt }
            .First(t => t > opens || t == startsAt);
        return (opens, employerCloses, startsAt);
    }

    public static string Label(this FairState state) => state switch
    {
        FairState.Draft => "筹备中",
        FairState.Open => "报名中",
        FairState.Closed => "报名已截止",
        FairState.Held => "已举办",
        _ => "已归档",
    };

    public static string Label(this RegistrationStatus status) => status switch
    {
        RegistrationStatus.Registered => "已报名",
        RegistrationStatus.Waitlisted => "候补中",
        _ => "已取消",
    };

    public static string Label(this BoothStatus status) => status switch
    {
        BoothStatus.Pending => "待审核",
        BoothStatus.Approved => "已通过",
        BoothStatus.Rejected => "未通过",
        BoothStatus.Allocated => "已分配展位",
        BoothStatus.Waitlisted => "展位候补",
        _ => "已撤回",
    };

    public static string Wire(this FairState state) => state.ToString().ToLowerInvariant();

    public static string Wire(this FairKind kind) => kind.ToString().ToLowerInvariant();

    public static string Wire(this RegistrationStatus status) => status.ToString().ToLowerInvariant();

    public static string Wire(this BoothStatus status) => status.ToString().ToLowerInvariant();
}
