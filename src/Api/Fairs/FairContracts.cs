using Jobs.Core.Fairs;
using Jobs.Core.Regions;

namespace Jobs.Api.Fairs;

/// <summary>
/// A fair to create or replace. Times carry their offset (2027-03-20T09:00:00+08:00). Windows left out default to: both open
/// 30 days before the start (or now), employers close 7 days before, graduates when the fair starts.
/// </summary>
public sealed record FairRequest(
    string? Kind,
    string? Title,
    string? Description,
    string? HostCity,
    string? Venue,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    int? BoothCapacity,
    int? AttendeeCapacity,
    string[]? Themes,
    DateTimeOffset? EmployerWindowOpensAt,
    DateTimeOffset? EmployerWindowClosesAt,
    DateTimeOffset? AttendeeWindowOpensAt,
    DateTimeOffset? AttendeeWindowClosesAt,
    double? OtherCityBoothShare)
{
    public FairDraft ToDraft() => new(Kind, Title, Description, HostCity, Venue, StartsAt, EndsAt, BoothCapacity, AttendeeCapacity, Themes,
        EmployerWindowOpensAt, EmployerWindowClosesAt, AttendeeWindowOpensAt, AttendeeWindowClosesAt, OtherCityBoothShare);
}

public sealed record WindowResponse(DateTime OpensAt, DateTime ClosesAt, bool IsOpen);

public sealed record FairCountsResponse(int Registered, int Waitlisted, int SeatsLeft, int CheckedIn, int BoothApplications, int BoothsAllocated);

public sealed record FairReportResponse(DateTime GeneratedAt, int Registered, int Waitlisted, int Cancelled, int CheckedIn, int PeopleCheckedIn,
    int BoothsAllocated, int BoothsWaitlisted, int OtherCityBooths, int PostingsShown, int RemindersSent)
{
    public static FairReportResponse From(FairReport r) => new(r.GeneratedAt, r.Registered, r.Waitlisted, r.Cancelled, r.CheckedIn,
        r.PeopleCheckedIn, r.BoothsAllocated, r.BoothsWaitlisted, r.OtherCityBooths, r.PostingsShown, r.RemindersSent);
}

public sealed record FairResponse(
    long Id,
    string Kind,
    string Title,
    string? Description,
    string HostCity,
    string HostCityName,
    string Region,
    string Venue,
    DateTime StartsAt,
    DateTime EndsAt,
    int BoothCapacity,
    int AttendeeCapacity,
    IReadOnlyList<string> Themes,
    WindowResponse EmployerWindow,
    WindowResponse AttendeeWindow,
    double OtherCityBoothShare,
    int BoothsKeptForOtherCities,
    string State,
    string StateLabel,
    bool Published,
    DateTime? PublishedAt,
    long? SeasonId,
    DateTime? BoothsAllocatedAt,
    FairCountsResponse? Counts,
    FairReportResponse? Report)
{
    public static FairResponse From(Fair f, CityDirectory cities, DateTime now, FairCounts? counts = null) => new(
        f.Id,
        f.Kind.Wire(),
        f.Title,
        f.Description,
        f.HostCityCode,
        cities.FindByCode(f.HostCityCode)?.Name ?? f.HostCityCode,
        f.RegionCode,
        f.Venue,
        f.StartsAt,
        f.EndsAt,
        f.BoothCapacity,
        f.AttendeeCapacity,
        f.Themes,
        new WindowResponse(f.EmployerWindowOpensAt, f.EmployerWindowClosesAt, f.EmployerWindowIsOpen(now)),
        new WindowResponse(f.AttendeeWindowOpensAt, f.AttendeeWindowClosesAt, f.AttendeeWindowIsOpen(now)),
        f.OtherCityBoothShare,
        BoothAllocator.KeptForOtherCities(f.BoothCapacity, f.OtherCityBoothShare),
        f.State.Wire(),
        f.State.Label(),
        f.IsPublished,
        f.PublishedAt,
        f.SeasonId,
        f.BoothsAllocatedAt,
        counts is null ? null : new FairCountsResponse(counts.Registered, counts.Waitlisted, Math.Max(0, f.AttendeeCapacity - counts.Registered),
            counts.CheckedIn, counts.BoothApplications, counts.BoothsAllocated),
        f.Report is { } r ? FairReportResponse.From(r) : null);
}

public sealed record SeasonProposalRequest(string? Region, string? Kind, DateOnly? From, DateOnly? To, int? Count, DateOnly[]? AvoidDates,
    string[]? HostCities, string? PreviousHost);

public sealed record SeasonSlotResponse(int Number, DateOnly Date, string HostCity, string HostCityName);

public sealed record SeasonProposalResponse(string Region, string Kind, DateOnly From, DateOnly To, int Count, IReadOnlyList<string> Rotation,
    string? PreviousHost, IReadOnlyList<SeasonSlotResponse> Slots, IReadOnlyList<HostCountResponse> HostCounts, string Rule);

public sealed record HostCountResponse(string City, string CityName, int Fairs);

public sealed record SeasonSlotRequest(DateOnly? Date, string? HostCity, string? Title, string? Venue);

/// <summary>A season to create from the (possibly edited) proposal: its slots and the defaults every fair starts with.</summary>
public sealed record SeasonRequest(string? Name, string? Region, string? Kind, DateOnly? From, DateOnly? To, int? BoothCapacity, int? AttendeeCapacity,
    string[]? Themes, SeasonSlotRequest[]? Slots);

public sealed record SeasonResponse(long Id, string Name, string Region, string Kind, DateOnly From, DateOnly To, DateTime CreatedAt,
    IReadOnlyList<FairResponse> Fairs);

public sealed record BoothApplicationRequest(long[]? PostingIds, string? Note);

public sealed record BoothDecisionRequest(string? Reason);

public sealed record BoothResponse(
    long Id,
    long FairId,
    long EmployerId,
    string EmployerName,
    string EmployerCity,
    bool FromOtherCity,
    IReadOnlyList<long> PostingIds,
    string? Note,
    string Status,
    string StatusLabel,
    DateTime AppliedAt,
    DateTime? DecidedAt,
    string? DecisionNote,
    int? BoothNumber,
    int? WaitlistPosition)
{
    public static BoothResponse From(BoothView v) => new(
        v.Application.Id, v.Application.FairId, v.Application.EmployerId, v.EmployerName, v.EmployerCityCode, v.FromOtherCity,
        v.Application.PostingIds, v.Application.Note, v.Application.Status.Wire(), v.Application.Status.Label(), v.Application.AppliedAt,
        v.Application.DecidedAt, v.Application.DecisionNote, v.Application.BoothNumber, v.Application.WaitlistPosition);
}

public sealed record TeamMemberRequest(string? Name, string? School);

/// <summary>Nothing is needed for a fair; a contest team sends its name, project and members besides the leader (0–4).</summary>
public sealed record AttendeeRequest(string? TeamName, string? ProjectName, string? ProjectSummary, TeamMemberRequest[]? Members);

public sealed record TeamResponse(string? TeamName, string? ProjectName, string? ProjectSummary, int Size, IReadOnlyList<TeamMember> Members);

/// <summary>
/// A registration. <c>ticket</c> and <c>qr</c> are set while registered; <c>position</c> is the place in the waitlist while
/// waitlisted; <c>arrival</c> is the registration's arrival number at this fair.
/// </summary>
public sealed record AttendeeResponse(
    long Id,
    long FairId,
    string Status,
    string StatusLabel,
    string? Ticket,
    int? Position,
    long Arrival,
    string? Qr,
    DateTime RegisteredAt,
    DateTime StatusChangedAt,
    DateTime? CheckedInAt,
    string? Name,
    TeamResponse? Team)
{
    public static AttendeeResponse From(FairRegistration r, int? position, string? name = null) => new(
        r.Id,
        r.FairId,
        r.Status.Wire(),
        r.Status.Label(),
        r.Ticket,
        r.Status == RegistrationStatus.Waitlisted ? position : null,
        r.Seq,
        r.Ticket is { } t ? $"/api/fairs/{r.FairId}/tickets/{t}/qr" : null,
        r.RegisteredAt,
        r.StatusChangedAt,
        r.CheckedInAt,
        name,
        r.TeamName is null ? null : new TeamResponse(r.TeamName, r.ProjectName, r.ProjectSummary, r.TeamSize, r.Members));
}

public sealed record CancellationResponse(AttendeeResponse Cancelled, bool PromotedSomeone);

public sealed record CheckInRequest(string? Ticket);

public sealed record CheckInResponse(long RegistrationId, string Ticket, string Name, DateTime CheckedInAt, TeamResponse? Team);

/// <summary>One of the signed-in graduate's registrations with the fair it is for.</summary>
public sealed record MyFairResponse(FairResponse Fair, AttendeeResponse Registration);
