namespace CustomerPulseBot.Core.Commands;

/// <summary>A command only a workspace admin may run (<see cref="Workspaces.IWorkspaceAdmins"/>); everyone else is told who can.</summary>
public interface IAdminCommand;
