namespace IESCP.Data;

/// <summary>Entities whose creation and last-change times are stamped on save.</summary>
public interface IAuditable
{
    DateTime CreatedAt { get; set; }

    DateTime UpdatedAt { get; set; }
}
