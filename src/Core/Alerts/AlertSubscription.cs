using Jobs.Core.Common;

namespace Jobs.Core.Alerts;

public enum AlertKind
{
    /// <summary>New postings matching a saved search.</summary>
    SavedSearch = 0,

    /// <summary>New postings matching the graduate's résumé well enough.</summary>
    ResumeMatches = 1,
}

/// <summary>
/// A graduate's job alert. <see cref="LastPostingId"/> is the newest posting a run has looked at: posting ids only grow, so
/// "new since the last run" is every id above it, whatever date the posting carries (imports may backdate).
/// </summary>
public sealed class AlertSubscription
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public AlertKind Kind { get; set; }

    public required string Name { get; set; }

    /// <summary>The saved search, for <see cref="AlertKind.SavedSearch"/>.</summary>
    public SavedSearchCriteria? Criteria { get; set; }

    /// <summary>The résumé, for <see cref="AlertKind.ResumeMatches"/>.</summary>
    public long? ResumeId { get; set; }

    public long LastPostingId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastRunAt { get; set; }
}

/// <summary>The filters of a saved search, as posting search takes them (already validated and resolved).</summary>
public sealed class SavedSearchCriteria
{
    public string? Query { get; set; }

    public List<string> CityCodes { get; set; } = [];

    public string? Category { get; set; }

    public EducationLevel? Education { get; set; }

    public int? SalaryMin { get; set; }

    public int? SalaryMax { get; set; }

    public ExperienceLevel? Experience { get; set; }
}

/// <summary>One posting notified to one person: the key (user, posting) is what makes "never twice" hold across alerts and re-runs.</summary>
public sealed class AlertedPosting
{
    public long UserId { get; set; }

    public long PostingId { get; set; }

    public long SubscriptionId { get; set; }

    public long NotificationId { get; set; }

    public DateTime NotifiedAt { get; set; }
}
