package it.filodiretto.web.staff;

import it.filodiretto.domain.staff.NewStaffAccount;
import it.filodiretto.domain.staff.Role;
import it.filodiretto.domain.staff.StaffAccount;
import it.filodiretto.domain.staff.StaffAccountChanges;
import it.filodiretto.domain.staff.StaffService;
import it.filodiretto.web.console.FacesFeedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The administrator's page of staff accounts: list, create, change roles, disable, reset password. */
@Named
@ViewScoped
public class StaffAccountsBean implements Serializable {

    @Inject
    transient StaffService staff;

    @Inject
    transient FacesFeedback feedback;

    private List<StaffAccount> accounts;

    // the "new account" form
    private String newUsername;
    private String newDisplayName;
    private String newPassword;
    private List<String> newRoles = new ArrayList<>();

    // the "edit" and "reset password" forms
    private String selectedUsername;
    private String editDisplayName;
    private List<String> editRoles = new ArrayList<>();
    private boolean editEnabled;
    private String resetPassword;

    @PostConstruct
    void load() {
        accounts = staff.list();
    }

    public void create() {
        try {
            staff.create(new NewStaffAccount(newUsername, newDisplayName, newPassword, roleSet(newRoles)), actor());
            feedback.info("staff.created", newUsername);
            newUsername = null;
            newDisplayName = null;
            newPassword = null;
            newRoles = new ArrayList<>();
            load();
            PrimeFaces.current().executeScript("PF('newAccountDialog').hide()");
        } catch (RuntimeException e) {
            newPassword = null;
            feedback.failure(e);
        }
    }

    public void select(StaffAccount account) {
        selectedUsername = account.username();
        editDisplayName = account.displayName();
        editRoles = account.roles().stream().map(Role::name).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        editEnabled = account.isEnabled();
        resetPassword = null;
    }

    public void saveChanges() {
        try {
            staff.update(selectedUsername, new StaffAccountChanges(editDisplayName, roleSet(editRoles), editEnabled, null), actor());
            feedback.info("staff.updated", selectedUsername);
            load();
            PrimeFaces.current().executeScript("PF('editAccountDialog').hide()");
        } catch (RuntimeException e) {
            feedback.failure(e);
        }
    }

    public void savePassword() {
        try {
            staff.update(selectedUsername, new StaffAccountChanges(null, null, null, resetPassword), actor());
            feedback.info("staff.passwordReset", selectedUsername);
            resetPassword = null;
            PrimeFaces.current().executeScript("PF('passwordDialog').hide()");
        } catch (RuntimeException e) {
            resetPassword = null;
            feedback.failure(e);
        }
    }

    private static Set<Role> roleSet(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            names.forEach(name -> roles.add(Role.valueOf(name)));
        }
        return roles;
    }

    private static String actor() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public Role[] getAllRoles() {
        return Role.values();
    }

    public int getMinPasswordLength() {
        return staff.passwordPolicy().minLength();
    }

    public List<StaffAccount> getAccounts() {
        return accounts;
    }

    public String getNewUsername() {
        return newUsername;
    }

    public void setNewUsername(String newUsername) {
        this.newUsername = newUsername;
    }

    public String getNewDisplayName() {
        return newDisplayName;
    }

    public void setNewDisplayName(String newDisplayName) {
        this.newDisplayName = newDisplayName;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public List<String> getNewRoles() {
        return newRoles;
    }

    public void setNewRoles(List<String> newRoles) {
        this.newRoles = newRoles;
    }

    public String getSelectedUsername() {
        return selectedUsername;
    }

    public String getEditDisplayName() {
        return editDisplayName;
    }

    public void setEditDisplayName(String editDisplayName) {
        this.editDisplayName = editDisplayName;
    }

    public List<String> getEditRoles() {
        return editRoles;
    }

    public void setEditRoles(List<String> editRoles) {
        this.editRoles = editRoles;
    }

    public boolean isEditEnabled() {
        return editEnabled;
    }

    public void setEditEnabled(boolean editEnabled) {
        this.editEnabled = editEnabled;
    }

    public String getResetPassword() {
        return resetPassword;
    }

    public void setResetPassword(String resetPassword) {
        this.resetPassword = resetPassword;
    }
}
