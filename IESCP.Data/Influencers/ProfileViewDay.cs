namespace IESCP.Data.Influencers;

/// <summary>That a viewer opened a profile on a day: a view counts once per viewer and day.</summary>
public sealed class ProfileViewDay
{
    public int InfluencerId { get; set; }

    public string ViewerUserId { get; set; } = "";

    public DateOnly Day { get; set; }
}
