namespace Jobs.Search.Suggest;

/// <summary>What a suggestion names; a search for its text finds the postings counted.</summary>
public enum SuggestionKind
{
    Title,
    Skill,
    Function,
    Employer,
    City,
}

/// <summary>One completion: its text as postings spell it, what it is, and how many open postings carry it.</summary>
public sealed record Suggestion(string Text, SuggestionKind Kind, int Count);
