using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace FailingWell.Web.Features.Export;

/// <summary>Taking everything out (docs/decisions/0133, 0134). Its slices need nothing registered beyond the mediator's own scan.</summary>
public static class ExportModule
{
    /// <summary>The export of everything: admins. The export of speak-up cases: guardians only (not admins: the cases are confidential).</summary>
    public static void AuthorizePages(PageConventionCollection conventions)
    {
        conventions.AuthorizeFolder("/Export/Admin", Policies.Administer);
        conventions.AuthorizeFolder("/Export/Guardian", Policies.SpeakUp);
    }
}
