package dev.tenon.demo;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Table;
import dev.tenon.annotation.Version;

/** A bank account with a version: two writers of one account cannot both win without a word. */
@Table(name = "account", schema = "bank")
public class Account {
    @Id @Column public Integer id;
    @Column(length = 20, nullable = false) public String owner;
    @Column(nullable = false) public Integer balance;
    @Version public long version;

    public Account() {
    }

    public Account(int id, String owner, int balance) {
        this.id = id;
        this.owner = owner;
        this.balance = balance;
    }

    @Override
    public String toString() {
        return "Account(" + id + ", " + owner + ", " + balance + ", version " + version + ")";
    }
}
