using Jobs.Core.Fairs;

namespace Jobs.Tests.Fairs;

public sealed class TicketCodesTests
{
    [Fact]
    public void For_SameSeat_GivesTheSameCodeAndDifferentSeatsDiffer()
    {
        var salt = TicketCodes.NewSalt();

        Assert.Equal(TicketCodes.For(salt, 1, 2, 3), TicketCodes.For(salt, 1, 2, 3));
        Assert.NotEqual(TicketCodes.For(salt, 1, 2, 3), TicketCodes.For(salt, 1, 2, 4));
        Assert.NotEqual(TicketCodes.For(salt, 1, 2, 3), TicketCodes.For(TicketCodes.NewSalt(), 1, 2, 3));
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$", TicketCodes.For(salt, 1, 2, 3));
    }

    [Theory]
    [InlineData(" 7k3qd m9x2b ", "7K3QD-M9X2B")]
    [InlineData("7K3QDM9X2B", "7K3QD-M9X2B")]
    [InlineData("O1L2I-3456A", "01121-3456A")]
    public void Normalize_TypedOrScanned_GivesTheCanonicalCode(string typed, string expected) =>
        Assert.Equal(expected, TicketCodes.Normalize(typed));

    [Theory]
    [InlineData("")]
    [InlineData("7K3QD-M9X2")]
    [InlineData("7K3QD-M9X2U")]
    [InlineData("'; DROP TABLE")]
    public void Normalize_NotATicket_GivesNull(string typed) => Assert.Null(TicketCodes.Normalize(typed));
}
