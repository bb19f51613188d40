namespace Jobs.Core.Notifications;

/// <summary>Kinds of stored notification; the outbox is shared by job alerts, fair reminders and application moves.</summary>
public static class NotificationKinds
{
    public const string JobAlert = "job-alert";
    public const string FairReminder = "fair-reminder";
    public const string FairPromotion = "fair-promotion";
    public const string BoothAllocation = "booth-allocation";
    public const string ApplicationStage = "application-stage";
}

/// <summary>
/// A message stored for one user and listed by <c>GET /api/me/notifications</c>. <see cref="DedupKey"/> is unique per user,
/// so a job that runs twice writes a notification once.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public required string Kind { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    /// <summary>Where the user goes from the notification, as an API path.</summary>
    public string? Link { get; set; }

    public required string DedupKey { get; set; }

    /// <summary>The postings a job alert is about, in rank order.</summary>
    public List<NotificationPosting> Postings { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }
}

public sealed class NotificationPosting
{
    public long PostingId { get; set; }

    public required string Title { get; set; }

    public required string EmployerName { get; set; }

    public required string CityCode { get; set; }

    /// <summary>Match score for résumé-match alerts; null for saved searches.</summary>
    public double? Score { get; set; }
}
