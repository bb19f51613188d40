namespace Jobs.Core.Fairs;

public enum FairKind
{
    /// <summary>A graduate recruitment fair: employers take booths, graduates attend one by one.</summary>
    Fair,

    /// <summary>The youth entrepreneurship contest: teams of 1–5 graduates register a project; capacity counts teams.</summary>
    Contest,
}

/// <summary>draft → open → closed → held → archived. Jobs move a published fair along its deadlines.</summary>
public enum FairState
{
    Draft,
    Open,
    Closed,
    Held,
    Archived,
}

/// <summary>
/// One fair (or contest) hosted by a member city. Times are UTC. A draft is visible to organisers only until it is published;
/// the deadline job then opens it when its first registration window opens and closes it when both windows have closed.
/// </summary>
public sealed class Fair
{
    public long Id { get; set; }

    public FairKind Kind { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public required string HostCityCode { get; set; }

    public required string RegionCode { get; set; }

    public required string Venue { get; set; }

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public int BoothCapacity { get; set; }

    /// <summary>Seats for graduates; for a contest, team places.</summary>
    public int AttendeeCapacity { get; set; }

    /// <summary>Industries the fair is about, e.g. 智能制造, 软件和信息服务.</summary>
    public List<string> Themes { get; set; } = [];

    public DateTime EmployerWindowOpensAt { get; set; }

    public DateTime EmployerWindowClosesAt { get; set; }

    public DateTime AttendeeWindowOpensAt { get; set; }

    public DateTime AttendeeWindowClosesAt { get; set; }

    /// <summary>Share of booths kept for employers from other member cities when booths are allocated (0–1).</summary>
    public double OtherCityBoothShare { get; set; }

    public FairState State { get; set; }

    public DateTime? PublishedAt { get; set; }

    public long? SeasonId { get; set; }

    /// <summary>Secret per fair from which ticket codes are derived, so every process derives the same code.</summary>
    public required string TicketSalt { get; set; }

    public long? CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? OpenedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public DateTime? BoothsAllocatedAt { get; set; }

    public DateTime? RemindersSentAt { get; set; }

    public DateTime? HeldAt { get; set; }

    public DateTime? ArchivedAt { get; set; }

    /// <summary>The post-fair report, written once when the fair is held.</summary>
    public FairReport? Report { get; set; }

    public bool IsPublished => PublishedAt is not null;

    public bool EmployerWindowIsOpen(DateTime utcNow) => FairRules.WindowIsOpen(State, EmployerWindowOpensAt, EmployerWindowClosesAt, utcNow);

    public bool AttendeeWindowIsOpen(DateTime utcNow) => FairRules.WindowIsOpen(State, AttendeeWindowOpensAt, AttendeeWindowClosesAt, utcNow);

    public DateTime FirstWindowOpensAt => EmployerWindowOpensAt < AttendeeWindowOpensAt ? EmployerWindowOpensAt : AttendeeWindowOpensAt;

    public DateTime LastWindowClosesAt => EmployerWindowClosesAt > AttendeeWindowClosesAt ? EmployerWindowClosesAt : AttendeeWindowClosesAt;
}

/// <summary>Numbers fixed when the fair is held.</summary>
public sealed class FairReport
{
    public DateTime GeneratedAt { get; set; }

    public int Registered { get; set; }

    public int Waitlisted { get; set; }

    public int Cancelled { get; set; }

    public int CheckedIn { get; set; }

    /// <summary>Graduates in checked-in contest teams (leader and members); equals <see cref="CheckedIn"/> for a fair.</summary>
    public int PeopleCheckedIn { get; set; }

    public int BoothsAllocated { get; set; }

    public int BoothsWaitlisted { get; set; }

    public int OtherCityBooths { get; set; }

    public int PostingsShown { get; set; }

    public int RemindersSent { get; set; }
}

/// <summary>A season of fairs planned together; the fairs themselves carry everything else.</summary>
public sealed class FairSeason
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public required string RegionCode { get; set; }

    public FairKind Kind { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public long? CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }
}

public enum BoothStatus
{
    Pending,
    Approved,
    Rejected,
    Allocated,
    Waitlisted,
    Withdrawn,
}

/// <summary>An employer's application for a booth, with the postings it will bring.</summary>
public sealed class BoothApplication
{
    public long Id { get; set; }

    public long FairId { get; set; }

    public long EmployerId { get; set; }

    /// <summary>The employer's city when it applied; decides whether it counts towards the other-city share.</summary>
    public required string EmployerCityCode { get; set; }

    public List<long> PostingIds { get; set; } = [];

    public string? Note { get; set; }

    public BoothStatus Status { get; set; }

    public DateTime AppliedAt { get; set; }

    public DateTime? DecidedAt { get; set; }

    public long? DecidedBy { get; set; }

    public string? DecisionNote { get; set; }

    public int? BoothNumber { get; set; }

    public int? WaitlistPosition { get; set; }

    public DateTime? AllocatedAt { get; set; }
}

public enum RegistrationStatus
{
    Registered,
    Waitlisted,
    Cancelled,
}

/// <summary>
/// A graduate's place at a fair, or a team's at a contest (the registering graduate leads it). <see cref="Seq"/> is the arrival
/// number at this fair: seats go in arrival order and the waitlist is ordered by it.
/// </summary>
public sealed class FairRegistration
{
    public long Id { get; set; }

    public long FairId { get; set; }

    public long UserId { get; set; }

    public long Seq { get; set; }

    public RegistrationStatus Status { get; set; }

    /// <summary>Set while registered: the code checked at the door and drawn as the QR image.</summary>
    public string? Ticket { get; set; }

    public string? TeamName { get; set; }

    public string? ProjectName { get; set; }

    public string? ProjectSummary { get; set; }

    /// <summary>Team members besides the leader (contest only).</summary>
    public List<TeamMember> Members { get; set; } = [];

    public DateTime RegisteredAt { get; set; }

    public DateTime StatusChangedAt { get; set; }

    public DateTime? CheckedInAt { get; set; }

    public long? CheckedInBy { get; set; }

    public int TeamSize => 1 + Members.Count;
}

public sealed class TeamMember
{
    public required string Name { get; set; }

    public string? School { get; set; }
}

/// <summary>
/// The database seat control's running tally per fair, so a seat decision reads one row instead of counting the fair's
/// registrations (which made a burst quadratic). Only that control keeps it; any other writer of registrations deletes it,
/// and the next decision counts once and starts it again.
/// </summary>
public sealed class FairSeatCounter
{
    public long FairId { get; set; }

    public long LastSeq { get; set; }

    public int Registered { get; set; }

    public int Waitlisted { get; set; }
}
